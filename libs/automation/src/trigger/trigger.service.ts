import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { InboundLogService, inboundState } from '@hub/inbound-log';
import { isWebhookIdShape } from '../workflows/webhook-id';
import { TriggerResponseDto } from './dto/trigger-response.dto';
import { readTriggerBody } from './trigger-body';
import { TriggerDirectory } from './trigger-directory';
import { TriggerRequestProducer } from './trigger-request-producer';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

export interface TriggerOutcome {
  response: TriggerResponseDto;
  replayed: boolean;
}

/**
 * `POST /api/automation/webhook/{webhook_id}`, the hot inbound route: check
 * the id (cached), validate the body (every 4xx is decided here), then store
 * the request and its inbound log row in ONE statement and answer. The worker
 * upserts the contact and enrols it (TriggerRequestProcessor), normally within
 * milliseconds; a lost job is re-enqueued from PostgreSQL by the run sweeper.
 * An Idempotency-Key repeat within 24 h meets the first request on a unique
 * index and answers the first answer again without a second enrolment.
 */
@Injectable()
export class TriggerService {
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

    const log = await this.inbound.insertStatement(request, 200);
    const p = log.params.length;
    const rows = (await this.dataSource.query(
      `WITH log AS (${log.sql})
       INSERT INTO workflow_trigger_requests (id, webhook_id, account_id, idempotency_key, input, response, inbound_log_id)
       VALUES ($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}::jsonb, $${p + 6}::jsonb, $1)
       ON CONFLICT (webhook_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO UPDATE
         SET account_id = EXCLUDED.account_id, input = EXCLUDED.input, response = EXCLUDED.response, inbound_log_id = EXCLUDED.inbound_log_id,
             status = 'pending', attempt_count = 0, next_attempt_at = now(), error = NULL, created_at = now(), processed_at = NULL
         WHERE workflow_trigger_requests.created_at <= now() - interval '24 hours'
       RETURNING id`,
      [...log.params, randomUUID(), webhookId, target.accountId, idempotencyKey ?? null, JSON.stringify(input), JSON.stringify(response)],
    )) as { id: string }[];
    this.inbound.recorded(request, log.row);
    if (rows.length === 0) return { response: await this.firstAnswer(log.row.id, webhookId, idempotencyKey as string), replayed: true };
    await this.producer.enqueue([{ id: rows[0].id, attempt_count: 0 }]);
    return { response, replayed: false };
  }

  /** A repeat within 24 h: its log row says duplicate, and it gets the first request's answer. */
  private async firstAnswer(logId: string, webhookId: string, key: string): Promise<TriggerResponseDto> {
    const [first] = (await this.dataSource.query(
      `WITH marked AS (UPDATE inbound_logs SET outcome = 'duplicate' WHERE id = $1)
       SELECT response FROM workflow_trigger_requests WHERE webhook_id = $2 AND idempotency_key = $3`,
      [logId, webhookId, key],
    )) as { response: TriggerResponseDto }[];
    const stored = first.response;
    // jsonb keeps its own key order: answer in the order of the first answer.
    return { success: true, message: stored.message, workflows_triggered: stored.workflows_triggered, contacts_enrolled: stored.contacts_enrolled };
  }
}
