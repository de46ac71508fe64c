import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AccountScope, returning } from '@hub/database';
import { Delivery } from '../delivery/delivery.entity';
import { DeliveryProducer, DueDelivery } from '../queues/webhook-delivery/webhook-delivery.producer';
import { Endpoint } from '../endpoints/endpoint.entity';
import { DeliveryItemDto, RequeueDestinationDto } from './dto/delivery.dto';
import { toItem } from './delivery-views';
import { DeliveryLogQueryService } from './delivery-log-query.service';

const ENQUEUE_BATCH = 1000;
// Delayed jobs brought forward at once (one Redis round trip each).
const PROMOTE_BATCH = 50;
const REQUEUE = `status = 'pending', next_attempt_at = now(), completed_at = NULL, updated_at = now()`;
const UNLEASED = `(locked_until IS NULL OR locked_until < now())`;
/** Recover: failed deliveries of an endpoint created since $3. */
const FAILED_SINCE = `endpoint_id = $1 AND account_id = $2 AND status = 'failed' AND created_at >= $3`;
/** Retry failing: failed ones, and pending ones that have failed at least once (waiting for their next try), not in flight. */
const FAILING = `endpoint_id = $1 AND account_id = $2 AND (status = 'failed' OR (status = 'pending' AND attempt_count > 0)) AND ${UNLEASED}`;

/** What a re-send of an endpoint's deliveries covers; with dryRun nothing was changed. */
export interface RequeueSummary {
  count: number;
  dry_run: boolean;
  endpoint_enabled: boolean;
  destinations: RequeueDestinationDto[];
}

/**
 * Manual re-sends: one delivery now (retry), every failed delivery of an
 * endpoint since a time (recover), or every retrying and failed one of an
 * endpoint (retry failing). Each endpoint-wide one can first be counted
 * (dry run), so the admin sees how many go where before anything is sent.
 */
@Injectable()
export class DeliveryRequeueService {
  private readonly endpoints: AccountScope<Endpoint>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly query: DeliveryLogQueryService,
    private readonly producer: DeliveryProducer,
    @InjectRepository(Endpoint) endpoints: Repository<Endpoint>,
  ) {
    this.endpoints = new AccountScope(endpoints, 'Endpoint');
  }

  async retry(accountId: string, id: string): Promise<DeliveryItemDto> {
    await this.query.scope.get(accountId, id);
    const [delivery] = returning<Delivery>(
      await this.dataSource.query(`UPDATE deliveries SET ${REQUEUE} WHERE id = $1 AND account_id = $2 AND ${UNLEASED} RETURNING *`, [id, accountId]),
    );
    if (!delivery) throw new ConflictException('an attempt is in flight');
    await this.producer.deliverNow({ id: delivery.id, attempt_count: delivery.attempt_count });
    return toItem(delivery, this.query.maxAttempts);
  }

  async recover(accountId: string, endpointId: string, since: string, dryRun: boolean): Promise<RequeueSummary> {
    const from = new Date(since);
    if (from.getTime() > Date.now()) {
      throw new BadRequestException({ message: 'since must not be in the future', details: [{ field: 'since', message: 'since must not be in the future' }] });
    }
    const endpoint = await this.endpoints.get(accountId, endpointId);
    const params = [endpointId, accountId, from];
    if (dryRun) return this.summary(endpoint, true, await this.countByUrl(FAILED_SINCE, params));
    const due = returning<DueDelivery & { url: string }>(
      await this.dataSource.query(`UPDATE deliveries SET ${REQUEUE} WHERE ${FAILED_SINCE} RETURNING id, attempt_count, url`, params),
    );
    for (let i = 0; i < due.length; i += ENQUEUE_BATCH) await this.producer.deliver(due.slice(i, i + ENQUEUE_BATCH));
    return this.summary(endpoint, false, byUrl(due));
  }

  /**
   * Makes every retrying and failed delivery of the endpoint due now. A
   * retrying one still has a delayed job in Redis under its id, which a new
   * job of the same id would not replace: each is brought forward as a single
   * retry does (a failed one whose job is gone gets a new job).
   * 409 on a disabled endpoint, which would fail them again without sending.
   */
  async retryFailing(accountId: string, endpointId: string, dryRun: boolean): Promise<RequeueSummary> {
    const endpoint = await this.endpoints.get(accountId, endpointId);
    const params = [endpointId, accountId];
    if (dryRun) return this.summary(endpoint, true, await this.countByUrl(FAILING, params));
    if (!endpoint.enabled) throw new ConflictException('the endpoint is disabled: enable it first, or its deliveries fail again without being sent');
    const due = returning<DueDelivery & { url: string }>(
      await this.dataSource.query(
        `WITH failing AS (SELECT id FROM deliveries WHERE ${FAILING} FOR UPDATE SKIP LOCKED)
         UPDATE deliveries d SET ${REQUEUE} FROM failing WHERE d.id = failing.id RETURNING d.id, d.attempt_count, d.url`,
        params,
      ),
    );
    for (let i = 0; i < due.length; i += PROMOTE_BATCH) {
      await Promise.all(due.slice(i, i + PROMOTE_BATCH).map(({ id, attempt_count }) => this.producer.deliverNow({ id, attempt_count })));
    }
    return this.summary(endpoint, false, byUrl(due));
  }

  private async countByUrl(where: string, params: unknown[]): Promise<RequeueDestinationDto[]> {
    const rows = await this.dataSource.query<{ url: string; count: number }[]>(
      `SELECT url, count(*)::int AS count FROM deliveries WHERE ${where} GROUP BY url ORDER BY count DESC, url`,
      params,
    );
    return rows;
  }

  private summary(endpoint: Endpoint, dryRun: boolean, destinations: RequeueDestinationDto[]): RequeueSummary {
    return { count: destinations.reduce((sum, d) => sum + d.count, 0), dry_run: dryRun, endpoint_enabled: endpoint.enabled, destinations };
  }
}

function byUrl(rows: { url: string }[]): RequeueDestinationDto[] {
  const counts = new Map<string, number>();
  for (const { url } of rows) counts.set(url, (counts.get(url) ?? 0) + 1);
  return [...counts].map(([url, count]) => ({ url, count })).sort((a, b) => b.count - a.count || a.url.localeCompare(b.url));
}
