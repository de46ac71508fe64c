import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RoundTripBatcher } from '@hub/database';
import { InboundLogService, InboundLogSql, inboundState } from '@hub/inbound-log';
import type { InboundLog } from '@hub/inbound-log';
import { annotateActiveSpan } from '@hub/tracing';
import { isWebhookIdShape } from '../workflows/webhook-id';
import { TriggerResponseDto } from './dto/trigger-response.dto';
import { readTriggerBody, TriggerContact } from './trigger-body';
import { TriggerDirectory } from './trigger-directory';
import { TriggerRequestProducer } from '../queues/workflow-trigger/workflow-trigger.producer';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

export interface TriggerOutcome {
  response: TriggerResponseDto;
  replayed: boolean;
}

/**
 * `POST /api/automation/webhook/{webhook_id}`, the hot inbound route: check
 * the id (cached), validate the body (every 4xx is decided here), then store
 * the request and its inbound log row in ONE statement — shared by the
 * requests that arrive together (group commit) — and answer. The worker
 * upserts the contact and enrols it (TriggerRequestProcessor), normally within
 * milliseconds; a lost job is re-enqueued from PostgreSQL by the sweeper.
 * An Idempotency-Key repeat within 24 h meets the first request on a unique
 * index and answers the first answer again without a second enrolment.
 */
interface StoredRequest {
  id: string;
  webhook_id: string;
  account_id: string;
  input: TriggerContact;
  response: TriggerResponseDto;
  inbound_log_id: string;
}

interface Intake {
  log: InboundLog;
  request: StoredRequest;
}

@Injectable()
export class TriggerService {
  private readonly intake = new RoundTripBatcher<Intake, void>((items) => this.storeMany(items));

  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: TriggerDirectory,
    private readonly inbound: InboundLogService,
    private readonly producer: TriggerRequestProducer,
  ) {}

  async trigger(request: FastifyRequest, webhookId: string, body: unknown, idempotencyKey: string | undefined): Promise<TriggerOutcome> {
    const target = isWebhookIdShape(webhookId) ? await this.directory.lookup(webhookId) : null;
    if (!target) throw new NotFoundException(`No workflow trigger has webhook id ${webhookId.slice(0, 128)}`);
    const state = inboundState(request);
    state.accountId = target.accountId;
    state.verification = 'not_required';
    if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      const message = `Idempotency-Key must be 1–${MAX_IDEMPOTENCY_KEY_LENGTH} characters`;
      throw new BadRequestException({ message, details: [{ field: 'Idempotency-Key', message }] });
    }
    const input = readTriggerBody(body);
    const response: TriggerResponseDto = {
      success: true,
      message: 'Webhook processed',
      workflows_triggered: target.activeWorkflows,
      contacts_enrolled: target.activeWorkflows > 0 ? 1 : 0,
    };

    const log = this.inbound.prepare(request, 200);
    const stored: StoredRequest = { id: randomUUID(), webhook_id: webhookId, account_id: target.accountId, input, response, inbound_log_id: log.id };
    if (idempotencyKey === undefined) {
      await this.intake.submit({ log, request: stored });
      this.inbound.recorded(request, log);
    } else {
      const id = await this.storeKeyed(log, stored, idempotencyKey);
      this.inbound.recorded(request, log);
      if (!id) return { response: await this.firstAnswer(log.id, webhookId, idempotencyKey), replayed: true };
      stored.id = id;
    }
    annotateActiveSpan({ 'webhook_hub.trigger_request.id': stored.id });
    // Stored: the answer does not wait for Redis (a request that never reaches it is enqueued by the sweeper).
    void this.producer.enqueue([{ id: stored.id, attempt_count: 0 }]);
    return { response, replayed: false };
  }

  /** Requests without a key that arrive together share one statement (group commit); each answers once it committed. */
  private async storeMany(items: Intake[]): Promise<void[]> {
    await this.dataSource.query(
      `WITH log AS (${InboundLogSql.insertMany('$1')})
       INSERT INTO workflow_trigger_requests (id, webhook_id, account_id, input, response, inbound_log_id)
       SELECT id, webhook_id, account_id, input, response, inbound_log_id
         FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, webhook_id text, account_id uuid, input jsonb, response jsonb, inbound_log_id uuid)`,
      [InboundLogSql.rowsJson(items.map((item) => item.log)), JSON.stringify(items.map((item) => item.request))],
    );
    return items.map(() => undefined);
  }

  /** With an Idempotency-Key: one statement that meets an earlier request with the same key (null: a repeat within 24 h). */
  private async storeKeyed(log: InboundLog, stored: StoredRequest, key: string): Promise<string | null> {
    const rows = (await this.dataSource.query(
      `WITH log AS (${InboundLogSql.insertMany('$1')})
       INSERT INTO workflow_trigger_requests (id, webhook_id, account_id, idempotency_key, input, response, inbound_log_id)
       VALUES ($2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)
       ON CONFLICT (webhook_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO UPDATE
         SET account_id = EXCLUDED.account_id, input = EXCLUDED.input, response = EXCLUDED.response, inbound_log_id = EXCLUDED.inbound_log_id,
             status = 'pending', attempt_count = 0, next_attempt_at = now(), error = NULL, created_at = now(), processed_at = NULL
         WHERE workflow_trigger_requests.created_at <= now() - interval '24 hours'
       RETURNING id`,
      [InboundLogSql.rowsJson([log]), stored.id, stored.webhook_id, stored.account_id, key, JSON.stringify(stored.input), JSON.stringify(stored.response), log.id],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /** A repeat within 24 h: its log row says duplicate, and it gets the first request's answer. */
  private async firstAnswer(logId: string, webhookId: string, key: string): Promise<TriggerResponseDto> {
    const [first] = (await this.dataSource.query(
      `WITH marked AS (${InboundLogSql.markDuplicate('$1')})
       SELECT response FROM workflow_trigger_requests WHERE webhook_id = $2 AND idempotency_key = $3`,
      [logId, webhookId, key],
    )) as { response: TriggerResponseDto }[];
    const stored = first.response;
    // jsonb keeps its own key order: answer in the order of the first answer.
    return { success: true, message: stored.message, workflows_triggered: stored.workflows_triggered, contacts_enrolled: stored.contacts_enrolled };
  }
}
