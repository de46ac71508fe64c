import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { returning, RoundTripBatcher } from '@hub/database';
import { AppConfig } from '@hub/config';
import { type EventJson, EventPublisher, EventSql, type HubEvent } from '@hub/events';
import { HubMetrics, leaseIsFree, RetrySchedule, takeLease } from '@hub/operations';
import { EndpointAlerts } from '../alerts/endpoint-alerts';
import { EndpointCredentials } from '../endpoints/endpoint-credentials';
import { Endpoint } from '../endpoints/endpoint.entity';
import { OutboundRequestBuilder } from '../sending/outbound-request-builder';
import { AttemptResult, WebhookSender } from '../sending/webhook-sender';
import { Delivery } from './delivery.entity';
import { PayloadRenderer } from '../formats/payload-renderer';
import { DeliveryProducer } from '../queues/webhook-delivery/webhook-delivery.producer';
import { AttemptOutcome, attemptOutcome, deliveryRetrySchedule } from '../queues/webhook-delivery/webhook-delivery.queue';
import { deliveryFromJson, endpointFromJson, RowJson } from './claimed-rows';
import { AttemptSpan, traceAttempt } from './attempt-span';

// An endpoint failing every attempt this long is disabled (SPEC §3).
const FAILING_DISABLE_MS = 5 * 24 * 60 * 60 * 1000;
// The lease outlives the attempt's timeout, so nobody else sends it meanwhile.
const LEASE_MARGIN_SECONDS = 10;
const MAX_ERROR_LENGTH = 2000;

interface Claimed {
  delivery: Delivery;
  endpoint: Endpoint;
  event: HubEvent | null;
}

interface ClaimedRow {
  id: string;
  delivery: RowJson<Delivery>;
  endpoint: RowJson<Endpoint>;
  event: EventJson | null;
}

interface SucceededAttempt {
  delivery_id: string;
  account_id: string;
  n: number;
  status_code: number | null;
  duration_ms: number;
  response_body: string | null;
  error: string | null;
  request_headers: Record<string, string>;
  endpoint_id: string;
}

/**
 * Runs one attempt of one delivery: claim (lease), send, record, schedule.
 * The claim is a conditional UPDATE, so a duplicate or stalled job, the
 * sweeper and a second worker can all ask for the same delivery and only one
 * sends; the state decides, not the job. Claims and success records of jobs
 * running at the same time share one statement each.
 */
@Injectable()
export class DeliveryRunner {
  private readonly logger = new Logger('DeliveryRunner');
  // Jobs reach the worker one by one: 2 ms of waiting turns one statement per delivery into one per dozens.
  private readonly claims = new RoundTripBatcher<string, Claimed | null>((ids) => this.claimMany(ids), 100, 2);
  private readonly successes = new RoundTripBatcher<SucceededAttempt, void>((attempts) => this.recordSuccesses(attempts), 100, 2);
  private readonly retries: RetrySchedule;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly credentials: EndpointCredentials,
    private readonly builder: OutboundRequestBuilder,
    private readonly payloads: PayloadRenderer,
    private readonly sender: WebhookSender,
    private readonly producer: DeliveryProducer,
    private readonly events: EventPublisher,
    private readonly metrics: HubMetrics,
    private readonly alerts: EndpointAlerts,
  ) {
    this.retries = deliveryRetrySchedule(config);
  }

  async run(deliveryId: string): Promise<void> {
    const claimed = await this.claim(deliveryId);
    if (!claimed) return;
    await traceAttempt(claimed.delivery, claimed.endpoint, (span) => this.attempt(claimed, span));
  }

  private async attempt({ delivery, endpoint, event }: Claimed, span: AttemptSpan): Promise<void> {
    if (!endpoint.enabled) {
      await this.finishWithoutSending(delivery, `Endpoint disabled (${endpoint.disabled_reason ?? 'manual'})`);
      return;
    }
    if (!event) {
      await this.finishWithoutSending(delivery, 'Event no longer stored');
      return;
    }
    const rendered = await this.payloads.render(endpoint.payload_format, event);
    const outbound = this.builder.build({
      url: delivery.url,
      eventId: event.id,
      body: rendered.body,
      secrets: this.credentials.signingSecrets(endpoint),
      bearerToken: this.credentials.bearerToken(endpoint),
      headers: endpoint.headers,
      timeoutMs: endpoint.timeout_ms,
      format: rendered.format,
    });
    const result = await this.sender.send(outbound);
    const outcome = attemptOutcome(delivery.attempt_count, result, this.retries);
    span.report(result, outcome.kind);
    this.metrics.recordAttempt(endpoint.id, outcome.kind, result.durationMs / 1000);
    await this.record(delivery, endpoint, result, outcome);
    if (outcome.kind === 'retry') await this.producer.deliver([{ id: delivery.id, attempt_count: delivery.attempt_count, delayMs: outcome.delayMs }]);
  }

  /** Lease the delivery if it is due and free, with its endpoint and event (batched with the claims of other jobs). */
  private claim(deliveryId: string): Promise<Claimed | null> {
    // null: done, not due, leased elsewhere, or its endpoint was deleted (cascade)
    return this.claims.submit(deliveryId);
  }

  /**
   * One statement for many jobs: lease every delivery that is due and free,
   * and read its endpoint and event with it. Two jobs asking for the same
   * delivery in one batch: the first gets it, the second nothing.
   */
  private async claimMany(deliveryIds: string[]): Promise<(Claimed | null)[]> {
    const rows = await this.dataSource.query<ClaimedRow[]>(
      `WITH claimed AS (
         UPDATE deliveries d SET attempt_count = d.attempt_count + 1, updated_at = now(),
             ${takeLease('COALESCE(e.timeout_ms, $2) / 1000.0 + $3')}
           FROM endpoints e
          WHERE d.id = ANY($1::uuid[]) AND e.id = d.endpoint_id AND d.status = 'pending' AND d.next_attempt_at <= now() + interval '1 second'
            AND ${leaseIsFree('d')}
          RETURNING d.*
       )
       SELECT c.id, to_jsonb(c) AS delivery, to_jsonb(e) AS endpoint, ${EventSql.jsonById('c.event_id')} AS event
         FROM claimed c JOIN endpoints e ON e.id = c.endpoint_id`,
      [[...new Set(deliveryIds)], this.config.webhookTimeoutMs, LEASE_MARGIN_SECONDS],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return deliveryIds.map((id) => {
      const row = byId.get(id);
      byId.delete(id);
      // to_jsonb gives timestamps as text: each owner's parser gives them back as Dates.
      return row ? { delivery: deliveryFromJson(row.delivery), endpoint: endpointFromJson(row.endpoint), event: EventSql.fromJson(row.event) } : null;
    });
  }

  /**
   * The common case, for many attempts in one atomic statement: each
   * attempt row, its delivery marked succeeded, and the end of its endpoint's
   * failing streak (with its failing notice, so the next streak mails again;
   * only written when a streak was on, so a healthy endpoint's row is not).
   */
  private async recordSuccesses(attempts: SucceededAttempt[]): Promise<void[]> {
    await this.dataSource.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(delivery_id uuid, account_id uuid, n int, status_code int, duration_ms int,
                                                         response_body text, error text, request_headers jsonb, endpoint_id uuid)
       ), attempt AS (
         INSERT INTO delivery_attempts (delivery_id, account_id, n, status_code, duration_ms, response_body, error, request_headers)
         SELECT delivery_id, account_id, n, status_code, duration_ms, response_body, error, request_headers FROM input
       ), streak AS (
         UPDATE endpoints SET failing_since = NULL, failing_notified_at = NULL WHERE id IN (SELECT endpoint_id FROM input) AND failing_since IS NOT NULL
       )
       UPDATE deliveries d SET status = 'succeeded', last_status_code = input.status_code, last_error = NULL, locked_until = NULL, updated_at = now(), completed_at = now()
         FROM input WHERE d.id = input.delivery_id`,
      [JSON.stringify(attempts)],
    );
    return attempts.map(() => undefined);
  }

  private async finishWithoutSending(delivery: Delivery, reason: string): Promise<void> {
    // The claim counted an attempt that never happened: give it back.
    await this.dataSource.query(
      `UPDATE deliveries SET status = 'failed', attempt_count = attempt_count - 1, last_error = $2, locked_until = NULL, completed_at = now(), updated_at = now() WHERE id = $1`,
      [delivery.id, reason],
    );
  }

  private async record(delivery: Delivery, endpoint: Endpoint, result: AttemptResult, outcome: AttemptOutcome): Promise<void> {
    const error = result.error ? result.error.slice(0, MAX_ERROR_LENGTH) : null;
    if (outcome.kind === 'succeeded') {
      await this.successes.submit({
        delivery_id: delivery.id,
        account_id: delivery.account_id,
        n: delivery.attempt_count,
        status_code: result.statusCode,
        duration_ms: result.durationMs,
        response_body: result.responseBody,
        error,
        request_headers: result.requestHeaders,
        endpoint_id: endpoint.id,
      });
      return;
    }
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO delivery_attempts (delivery_id, account_id, n, status_code, duration_ms, response_body, error, request_headers)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [delivery.id, delivery.account_id, delivery.attempt_count, result.statusCode, result.durationMs, result.responseBody, error, JSON.stringify(result.requestHeaders)],
      );
      const status = outcome.kind === 'retry' ? 'pending' : 'failed';
      await tx.query(
        `UPDATE deliveries SET status = $2, last_status_code = $3, last_error = $4, locked_until = NULL, updated_at = now(),
            next_attempt_at = CASE WHEN $2 = 'pending' THEN now() + make_interval(secs => $5::float / 1000) ELSE next_attempt_at END,
            completed_at = CASE WHEN $2 = 'pending' THEN NULL ELSE now() END
          WHERE id = $1`,
        [delivery.id, status, result.statusCode, error, outcome.kind === 'retry' ? outcome.delayMs : 0],
      );
      await this.onFailure(tx, delivery, endpoint, result, outcome);
    });
  }

  private async onFailure(tx: EntityManager, delivery: Delivery, endpoint: Endpoint, result: AttemptResult, outcome: AttemptOutcome): Promise<void> {
    // The same one statement as ever: it also says whether the failing notice is now due (the row lock
    // makes concurrent failures of one endpoint take turns, so each sees the notice the one before recorded).
    const [{ failing_since: failingSince, notice_due: noticeDue }] = returning<{ failing_since: Date; notice_due: boolean }>(
      await tx.query(
        `UPDATE endpoints SET failing_since = COALESCE(failing_since, now()) WHERE id = $1
         RETURNING failing_since, (failing_notified_at IS NULL AND failing_since <= now() - make_interval(secs => $2::float)) IS TRUE AS notice_due`,
        [endpoint.id, this.alerts.failingNoticeAfterSeconds],
      ),
    );
    if (outcome.kind === 'exhausted') {
      await this.events.publish(tx, {
        accountId: delivery.account_id,
        type: 'delivery.exhausted',
        data: {
          delivery_id: delivery.id,
          endpoint_id: endpoint.id,
          event_id: delivery.event_id,
          event_type: delivery.event_type,
          url: delivery.url,
          attempts: delivery.attempt_count,
          last_status_code: result.statusCode,
          last_error: result.error,
        },
      });
    }
    const reason = outcome.kind === 'gone' ? 'gone' : Date.now() - new Date(failingSince).getTime() >= FAILING_DISABLE_MS ? 'failing' : null;
    const lastError = result.error ?? `HTTP ${result.statusCode ?? 'error'}`;
    if (reason && endpoint.enabled) await this.disable(tx, delivery, endpoint, reason, lastError);
    else if (noticeDue && endpoint.enabled) {
      const since = new Date(failingSince);
      await this.alerts.failing(tx, endpoint, { since, disablesAt: new Date(since.getTime() + FAILING_DISABLE_MS), url: delivery.url, lastError });
    }
  }

  private async disable(tx: EntityManager, delivery: Delivery, endpoint: Endpoint, reason: 'gone' | 'failing', lastError: string): Promise<void> {
    const [disabled] = returning<{ disabled_at: Date }>(
      await tx.query(`UPDATE endpoints SET enabled = false, disabled_reason = $2, disabled_at = now(), updated_at = now() WHERE id = $1 AND enabled RETURNING disabled_at`, [endpoint.id, reason]),
    );
    if (!disabled) return; // another attempt disabled it first
    this.logger.warn(`Endpoint ${endpoint.id} disabled (${reason})`);
    await this.events.publish(tx, {
      accountId: delivery.account_id,
      type: 'endpoint.disabled',
      data: { endpoint_id: endpoint.id, url: endpoint.url ?? Object.values(endpoint.event_urls)[0] ?? null, reason, disabled_at: new Date(disabled.disabled_at).toISOString() },
    });
    await this.alerts.disabled(tx, endpoint, { reason, at: new Date(disabled.disabled_at), url: delivery.url, lastError });
  }
}
