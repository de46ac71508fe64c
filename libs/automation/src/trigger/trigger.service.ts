import { BadRequestException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource, EntityManager } from 'typeorm';
import { Contact, ContactsService, InvalidContactFieldError } from '@hub/contacts';
import { AfterCommit } from '@hub/database';
import { EventPublisher } from '@hub/events';
import { InboundLogService, inboundState } from '@hub/inbound-log';
import { runEventData } from '../runs/run-events';
import { WorkflowRunProducer } from '../runner/workflow-run-producer';
import { isWebhookIdShape } from '../workflows/webhook-id';
import { TriggerResponseDto } from './dto/trigger-response.dto';
import { readTriggerBody, TriggerContact } from './trigger-body';
import { TriggerDirectory } from './trigger-directory';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

export interface TriggerOutcome {
  response: TriggerResponseDto;
  replayed: boolean;
}

interface EnrolledRun {
  id: string;
  workflow_id: string;
  workflow_name: string;
}

/** What templates see: custom fields, then the trigger payload, then the contact's own fields as stored. */
export function runVariables(contact: Contact, payload: Record<string, unknown>): Record<string, unknown> {
  return {
    ...contact.custom_fields,
    ...payload,
    email: contact.email,
    phone: contact.phone,
    first_name: contact.first_name,
    last_name: contact.last_name,
    contact_id: contact.id,
  };
}

/**
 * `POST /api/automation/webhook/{webhook_id}`: in one transaction, upsert the
 * contact, enrol it into every active workflow bound to the id (publishing
 * workflow.enrolled for each) and store the inbound log row; after the commit
 * the runs go on the queue. An Idempotency-Key repeat within 24 h answers the
 * first answer again (concurrent repeats wait on an advisory lock).
 */
@Injectable()
export class TriggerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: TriggerDirectory,
    private readonly contacts: ContactsService,
    private readonly events: EventPublisher,
    private readonly inbound: InboundLogService,
    private readonly afterCommit: AfterCommit,
    private readonly producer: WorkflowRunProducer,
  ) {}

  async trigger(request: FastifyRequest, webhookId: string, body: unknown, idempotencyKey: string | undefined): Promise<TriggerOutcome> {
    const accountId = isWebhookIdShape(webhookId) ? await this.directory.accountOf(webhookId) : null;
    if (!accountId) throw new NotFoundException(`No workflow trigger has webhook id ${webhookId.slice(0, 128)}`);
    const state = inboundState(request);
    state.accountId = accountId;
    state.verification = 'not_required';
    if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      const message = `Idempotency-Key must be 1–${MAX_IDEMPOTENCY_KEY_LENGTH} characters`;
      throw new BadRequestException({ message, details: [{ field: 'Idempotency-Key', message }] });
    }
    const input = readTriggerBody(body);

    return this.dataSource.transaction(async (tx) => {
      if (idempotencyKey !== undefined) {
        const seen = await this.seen(tx, webhookId, idempotencyKey);
        if (seen) {
          state.outcome = 'duplicate';
          await this.inbound.record(request, 200, {}, tx);
          return { response: seen, replayed: true };
        }
      }
      const contact = await this.upsertContact(tx, accountId, input);
      const variables = runVariables(contact, input.payload);
      const runs = await this.enrol(tx, accountId, webhookId, contact.id, variables);
      const response: TriggerResponseDto = {
        success: true,
        message: 'Webhook processed',
        workflows_triggered: runs.length,
        contacts_enrolled: runs.length > 0 ? 1 : 0,
      };
      if (idempotencyKey !== undefined) {
        await tx.query(
          `INSERT INTO workflow_trigger_requests (webhook_id, idempotency_key, account_id, response) VALUES ($1, $2, $3, $4)
           ON CONFLICT (webhook_id, idempotency_key) DO UPDATE SET account_id = EXCLUDED.account_id, response = EXCLUDED.response, created_at = now()`,
          [webhookId, idempotencyKey, accountId, JSON.stringify(response)],
        );
      }
      await this.inbound.record(request, 200, {}, tx);
      if (runs.length > 0) await this.afterCommit.run(tx, () => this.producer.enqueue(runs.map((run) => ({ id: run.id, current_step: 0, attempt_count: 0 }))));
      return { response, replayed: false };
    });
  }

  private async seen(tx: EntityManager, webhookId: string, key: string): Promise<TriggerResponseDto | null> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`workflow-trigger:${webhookId}:${key}`]);
    const rows = await tx.query<{ response: TriggerResponseDto }[]>(
      `SELECT response FROM workflow_trigger_requests WHERE webhook_id = $1 AND idempotency_key = $2 AND created_at > now() - interval '24 hours'`,
      [webhookId, key],
    );
    const stored = rows[0]?.response;
    // jsonb keeps its own key order: answer in the order of the first answer.
    return stored ? { success: true, message: stored.message, workflows_triggered: stored.workflows_triggered, contacts_enrolled: stored.contacts_enrolled } : null;
  }

  private async upsertContact(tx: EntityManager, accountId: string, input: TriggerContact): Promise<Contact> {
    try {
      const { contact } = await this.contacts.upsertByIdentity(tx, accountId, {
        email: input.email,
        phone: input.phone,
        first_name: input.first_name,
        last_name: input.last_name,
        custom_fields: input.custom_fields,
      });
      return contact;
    } catch (error) {
      // A payload that cannot make a contact is a 422 on this route (SPEC §4), not the admin API's 400.
      if (error instanceof InvalidContactFieldError) throw new UnprocessableEntityException({ message: error.message, details: [{ field: error.field, message: error.message }] });
      throw error;
    }
  }

  /** One run per active workflow bound to the id, with the steps as they are now; one INSERT whatever their number. */
  private async enrol(tx: EntityManager, accountId: string, webhookId: string, contactId: string, variables: Record<string, unknown>): Promise<EnrolledRun[]> {
    const runs = await tx.query<EnrolledRun[]>(
      `WITH enrolled AS (
         INSERT INTO workflow_runs (account_id, workflow_id, contact_id, status, steps, variables, started_at)
         SELECT w.account_id, w.id, $3, 'running', w.steps, $4::jsonb, now() FROM workflows w
          WHERE w.webhook_id = $1 AND w.account_id = $2 AND w.active
          ORDER BY w.created_at
         RETURNING id, workflow_id
       )
       SELECT e.id, e.workflow_id, w.name AS workflow_name FROM enrolled e JOIN workflows w ON w.id = e.workflow_id`,
      [webhookId, accountId, contactId, JSON.stringify(variables)],
    );
    for (const run of runs) {
      await this.events.publish(tx, { accountId, type: 'workflow.enrolled', data: { ...runEventData({ ...run, contact_id: contactId, variables }, run.workflow_name) } });
    }
    return runs;
  }
}
