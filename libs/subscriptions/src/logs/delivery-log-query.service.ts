import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@hub/config';
import { AccountScope } from '@hub/database';
import { EventStore } from '@hub/events';
import { decodeCursor, Page, toPage } from '@hub/http';
import { DeliveryAttempt } from '../delivery/delivery-attempt.entity';
import { Delivery } from '../delivery/delivery.entity';
import { deliveryRetrySchedule } from '../queues/webhook-delivery/webhook-delivery.queue';
import { DeliveryDetailDto, DeliveryItemDto, DeliveryQueryDto } from './dto/delivery.dto';
import { DeliveryWithHistory, toDetail, toItem } from './delivery-views';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The admin view of deliveries: the caller's account only, one query per page or detail. */
@Injectable()
export class DeliveryLogQueryService {
  readonly scope: AccountScope<Delivery>;
  /** Attempts each delivery gets in all, so an item reads "attempt n of N". */
  readonly maxAttempts: number;

  constructor(
    @InjectRepository(Delivery) repository: Repository<Delivery>,
    private readonly events: EventStore,
    config: AppConfig,
  ) {
    this.scope = new AccountScope(repository, 'Delivery');
    this.maxAttempts = deliveryRetrySchedule(config).maxAttempts;
  }

  async list(accountId: string, query: DeliveryQueryDto): Promise<Page<DeliveryItemDto>> {
    const qb = this.scope.queryBuilder(accountId, 'd');
    if (query.endpoint_id) qb.andWhere('d.endpoint_id = :endpointId', { endpointId: query.endpoint_id });
    if (query.event_type) qb.andWhere('d.event_type = :eventType', { eventType: query.event_type });
    if (query.status === 'retrying') qb.andWhere("d.status = 'pending' AND d.attempt_count > 0");
    else if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.since) qb.andWhere('d.created_at >= :since', { since: new Date(query.since) });
    if (query.until) qb.andWhere('d.created_at < :until', { until: new Date(query.until) });
    // The overview's bars count attempts by when they were made: its links ask for the deliveries with an attempt in the bar.
    if (query.attempted_since || query.attempted_until) {
      qb.andWhere(
        `d.id IN (SELECT a.delivery_id FROM delivery_attempts a WHERE a.account_id = :accountId
            AND a.created_at >= :attemptedSince AND a.created_at < :attemptedUntil)`,
        {
          accountId,
          attemptedSince: query.attempted_since ? new Date(query.attempted_since) : new Date(0),
          attemptedUntil: query.attempted_until ? new Date(query.attempted_until) : new Date(8.64e15),
        },
      );
    }
    const cursor = decodeCursor(query.cursor);
    if (cursor) qb.andWhere('(d.created_at, d.id) < (:at, :cid)', { at: cursor.createdAt, cid: cursor.id });
    const rows = await qb.orderBy('d.created_at', 'DESC').addOrderBy('d.id', 'DESC').take(query.limit + 1).getMany();
    return toPage(rows, query.limit, (row) => toItem(row, this.maxAttempts));
  }

  async detail(accountId: string, id: string): Promise<DeliveryDetailDto> {
    return toDetail(await this.get(accountId, id), this.maxAttempts);
  }

  /** The delivery with its attempts (ordered by n) and its event (read from the events lib's store), or 404. */
  async get(accountId: string, id: string): Promise<DeliveryWithHistory> {
    if (!UUID.test(id)) throw this.scope.notFound(id);
    const found = (await this.scope
      .queryBuilder(accountId, 'd')
      .andWhere('d.id = :id', { id })
      .leftJoinAndMapMany('d.attempts', DeliveryAttempt, 'a', 'a.delivery_id = d.id')
      .orderBy('a.n', 'ASC')
      .getOne()) as (Delivery & { attempts: DeliveryAttempt[] }) | null;
    if (!found) throw this.scope.notFound(id);
    return { ...found, event: await this.events.findForAccount(accountId, found.event_id) };
  }
}
