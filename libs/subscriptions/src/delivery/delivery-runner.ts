import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@hub/config';
import { EventPublisher, HubEvent } from '@hub/events';
import { HubMetrics } from '@hub/operations';
import { EndpointCredentials } from '../endpoints/endpoint-credentials';
import { Endpoint } from '../endpoints/endpoint.entity';
import { OutboundRequestBuilder } from '../sending/outbound-request-builder';
import { AttemptResult, WebhookSender } from '../sending/webhook-sender';
import { Delivery } from './delivery.entity';
import { DeliveryProducer } from './delivery-producer';
import { standardEnvelope } from './event-envelope';
import { AttemptOutcome, nextStep } from './retry-policy';
import { returning } from './returning';

// An endpoint failing every attempt this long is disabled (SPEC §3).
const FAILING_DISABLE_MS = 5 * 24 * 60 * 60 * 1000;
// The lease outlives the attempt's timeout, so nobody else sends it meanwhile.
const LEASE_MARGIN_SECONDS = 10;
const MAX_ERROR_LENGTH = 2000;

/**
 * Runs one attempt of one delivery: claim (lease), send, record, schedule.
 * The claim is a single conditional UPDATE, so a duplicate or stalled job, the
 * sweeper and a second worker can all ask for the same delivery and only one
 * sends; the state decides, not the job.
 */
@Injectable()
export class DeliveryRunner {
  private readonly logger = new Logger('DeliveryRunner');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly credentials: EndpointCredentials,
    private readonly builder: OutboundRequestBuilder,
    private readonly sender: WebhookSender,
    private readonly producer: DeliveryProducer,
    private readonly events: EventPublisher,
    private readonly metrics: HubMetrics,
  ) {}

  async run(deliveryId: string): Promise<void> {
    const claimed = await this.claim(deliveryId);
    if (!claimed) return;
    const { delivery, endpoint, event } = claimed;
    if (!endpoint.enabled) {
      await this.finishWithoutSending(delivery, `Endpoint disabled (${endpoint.disabled_reason ?? 'manual'})`);
      return;
    }
    if (!event) {
      await this.finishWithoutSending(delivery, 'Event no longer stored');
      return;
    }
    const outbound = this.builder.build({
      url: delivery.url,
      eventId: event.id,
      body: standardEnvelope(event),
      secrets: this.credentials.signingSecrets(endpoint),
      bearerToken: this.credentials.bearerToken(endpoint),
      headers: endpoint.headers,
      timeoutMs: endpoint.timeout_ms,
      format: endpoint.payload_format,
    });
    const result = await this.sender.send(outbound);
    this.metrics.attemptLatency.observe(result.durationMs / 1000);
    const outcome = nextStep(delivery.attempt_count, result, this.config.webhookRetryScheduleSeconds);
    this.metrics.deliveries.inc({ outcome: outcome.kind });
    await this.record(delivery, endpoint, result, outcome);
    if (outcome.kind === 'retry') await this.producer.deliver([{ id: delivery.id, attempt_count: delivery.attempt_count, delayMs: outcome.delayMs }]);
  }

  /**
   * One round trip: lease the delivery if it is due and free, and read its
   * endpoint and event with it (the claim is the hot path's first query).
   */
  private async claim(deliveryId: string): Promise<{ delivery: Delivery; endpoint: Endpoint; event: HubEvent | null } | null> {
    const rows = (await this.dataSource.query(
      `WITH claimed AS (
         UPDATE deliveries d SET attempt_count = d.attempt_count + 1, updated_at = now(),
             locked_until = now() + make_interval(secs => COALESCE(e.timeout_ms, $2) / 1000.0 + $3)
           FROM endpoints e
          WHERE d.id = $1 AND e.id = d.endpoint_id AND d.status = 'pending' AND d.next_attempt_at <= now() + interval '1 second'
            AND (d.locked_until IS NULL OR d.locked_until < now())
          RETURNING d.*
       )
       SELECT to_jsonb(c) AS delivery, to_jsonb(e) AS endpoint, to_jsonb(ev) AS event
         FROM claimed c JOIN endpoints e ON e.id = c.endpoint_id LEFT JOIN events ev ON ev.id = c.event_id`,
      [deliveryId, this.config.webhookTimeoutMs, LEASE_MARGIN_SECONDS],
    )) as { delivery: Delivery; endpoint: Endpoint; event: HubEvent | null }[];
    if (rows.length === 0) return null; // done, not due, leased elsewhere, or its endpoint was deleted (cascade)
    const { delivery, endpoint, event } = rows[0];
    // to_jsonb gives timestamps as text: the fields compared or formatted as dates become Dates again.
    endpoint.previous_secret_expires_at = endpoint.previous_secret_expires_at ? new Date(endpoint.previous_secret_expires_at) : null;
    endpoint.failing_since = endpoint.failing_since ? new Date(endpoint.failing_since) : null;
    if (event) event.created_at = new Date(event.created_at);
    return { delivery, endpoint, event };
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
    const attempt = [delivery.id, delivery.account_id, delivery.attempt_count, result.statusCode, result.durationMs, result.responseBody, error, JSON.stringify(result.requestHeaders)];
    if (outcome.kind === 'succeeded') {
      // The common case in one atomic statement: the attempt, the delivery, and the end of a failing streak.
      await this.dataSource.query(
        `WITH attempt AS (
           INSERT INTO delivery_attempts (delivery_id, account_id, n, status_code, duration_ms, response_body, error, request_headers)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ), streak AS (
           UPDATE endpoints SET failing_since = NULL WHERE id = $9 AND failing_since IS NOT NULL
         )
         UPDATE deliveries SET status = 'succeeded', last_status_code = $4, last_error = NULL, locked_until = NULL, updated_at = now(), completed_at = now()
          WHERE id = $1`,
        [...attempt, endpoint.id],
      );
      return;
    }
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO delivery_attempts (delivery_id, account_id, n, status_code, duration_ms, response_body, error, request_headers)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        attempt,
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
    const [{ failing_since: failingSince }] = returning<{ failing_since: Date }>(
      await tx.query('UPDATE endpoints SET failing_since = COALESCE(failing_since, now()) WHERE id = $1 RETURNING failing_since', [endpoint.id]),
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
    if (reason && endpoint.enabled) await this.disable(tx, delivery.account_id, endpoint, reason);
  }

  private async disable(tx: EntityManager, accountId: string, endpoint: Endpoint, reason: 'gone' | 'failing'): Promise<void> {
    const [disabled] = returning<{ disabled_at: Date }>(
      await tx.query(`UPDATE endpoints SET enabled = false, disabled_reason = $2, disabled_at = now(), updated_at = now() WHERE id = $1 AND enabled RETURNING disabled_at`, [endpoint.id, reason]),
    );
    if (!disabled) return; // another attempt disabled it first
    this.logger.warn(`Endpoint ${endpoint.id} disabled (${reason})`);
    await this.events.publish(tx, {
      accountId,
      type: 'endpoint.disabled',
      data: { endpoint_id: endpoint.id, url: endpoint.url ?? Object.values(endpoint.event_urls)[0] ?? null, reason, disabled_at: new Date(disabled.disabled_at).toISOString() },
    });
  }
}
