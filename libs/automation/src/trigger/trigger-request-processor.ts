import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@hub/config';
import { BulkContactUpsert, type Contact, InvalidContactFieldError } from '@hub/contacts';
import { AfterCommit } from '@hub/database';
import { EventPublisher } from '@hub/events';
import { markInboundLogFailed } from '@hub/inbound-log';
import { afterFailedAttempt, RetrySchedule } from '@hub/operations';
import { WorkflowRunProducer } from '../queues/workflow-run/workflow-run.producer';
import { TriggerRequestProducer } from '../queues/workflow-trigger/workflow-trigger.producer';
import { triggerRetrySchedule } from '../queues/workflow-trigger/workflow-trigger.queue';
import { runEventData } from '../runs/run-events';
import { failureSummary } from './failure-summary';
import { TriggerContact } from './trigger-body';

// Requests one job enrols in one transaction (its own and other due ones).
const BATCH_SIZE = 100;
const MAX_ERROR_LENGTH = 2000;

interface StoredRequest {
  id: string;
  created_at: Date;
  webhook_id: string;
  account_id: string;
  input: TriggerContact;
}

interface Enrolment {
  request: StoredRequest;
  contactId: string;
  variables: Record<string, unknown>;
}

interface EnrolledRun {
  id: string;
  workflow_id: string;
  workflow_name: string;
  status: 'running' | 'completed';
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
 * The worker's half of a trigger webhook call: in one transaction, upsert the
 * contact, enrol it into every active workflow bound to the webhook id (as
 * they are now, publishing workflow.enrolled for each) and mark the request
 * processed; after the commit the runs go on the queue. A job takes other due
 * requests along: a batch shares its commit and its statements (contacts are
 * locked, looked up and, for new people, inserted together by
 * BulkContactUpsert; runs are inserted together; events written together).
 * Request rows are locked for the transaction, so a duplicate job or the
 * sweeper never processes one twice. A workflow with no steps completes at enrolment.
 */
@Injectable()
export class TriggerRequestProcessor {
  private readonly logger = new Logger('TriggerRequestProcessor');
  private readonly retries: RetrySchedule;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
    private readonly contacts: BulkContactUpsert,
    private readonly events: EventPublisher,
    private readonly afterCommit: AfterCommit,
    private readonly runs: WorkflowRunProducer,
    private readonly requests: TriggerRequestProducer,
  ) {
    this.retries = triggerRetrySchedule(config);
  }

  /** A job's requests: each one still pending after the batches before it leads a batch of its own. */
  async processAll(requestIds: string[]): Promise<void> {
    let pending = await this.pendingOf(requestIds);
    while (pending.length > 0) {
      await this.process(pending[0]);
      pending = await this.pendingOf(pending.slice(1));
    }
  }

  // Many requests are enrolled by another job's batch first: one cheap read, no transaction.
  private async pendingOf(requestIds: string[]): Promise<string[]> {
    if (requestIds.length === 0) return [];
    const rows = (await this.dataSource.query(`SELECT id FROM workflow_trigger_requests WHERE id = ANY($1::uuid[]) AND status = 'pending'`, [requestIds])) as { id: string }[];
    const pending = new Set(rows.map((row) => row.id));
    return requestIds.filter((id) => pending.has(id));
  }

  private async process(requestId: string): Promise<void> {
    try {
      await this.dataSource.transaction((tx) => this.enrolBatch(tx, requestId));
    } catch {
      // Some request of the batch failed and took the batch with it: this job's request alone, so only a
      // request that fails by itself counts a failure (the others are still pending, for their own jobs).
      try {
        await this.dataSource.transaction((tx) => this.enrolBatch(tx, requestId, 1));
      } catch (error) {
        // Validated before the answer, so this is a contact the data no longer allows (e.g. a phone taken meanwhile): retrying cannot help.
        const permanent = error instanceof InvalidContactFieldError;
        await this.recordFailure(requestId, (error as Error).message ?? String(error), failureSummary(error), permanent);
      }
    }
  }

  /**
   * This job's request and up to size - 1 other due ones, in one transaction
   * (one commit, one statement for all their events, one to mark them done).
   */
  private async enrolBatch(tx: EntityManager, requestId: string, size = BATCH_SIZE): Promise<void> {
    const requests = (await tx.query(
      // FOR UPDATE waits rather than skips for this job's own request: an Idempotency-Key repeat locks the row for a
      // moment, and a second job for the same request waits for the first and then finds it processed (READ COMMITTED
      // re-checks status). Other requests are only taken when free.
      `SELECT id, created_at, webhook_id, account_id, input FROM workflow_trigger_requests WHERE id = $1 AND status = 'pending' FOR UPDATE`,
      [requestId],
    )) as StoredRequest[];
    if (requests.length === 0) return; // done already (or given up)
    if (size > 1) {
      requests.push(
        ...((await tx.query(
          `SELECT id, created_at, webhook_id, account_id, input FROM workflow_trigger_requests
            WHERE status = 'pending' AND next_attempt_at <= now() AND id <> $1
            ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [requestId, size - 1],
        )) as StoredRequest[]),
      );
    }
    // In arrival order, so the later of two requests for one person is the one whose fields stay (a stable sort).
    requests.sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
    const upserted = await this.contacts.upsertMany(
      tx,
      requests.map((request) => ({
        accountId: request.account_id,
        input: {
          email: request.input.email,
          phone: request.input.phone,
          first_name: request.input.first_name,
          last_name: request.input.last_name,
          custom_fields: request.input.custom_fields,
        },
      })),
    );
    const runs = await this.enrolAll(
      tx,
      requests.map((request, index) => ({ request, contactId: upserted[index].contact.id, variables: runVariables(upserted[index].contact, request.input.payload) })),
    );
    const running = runs.filter((run) => run.status === 'running');
    await tx.query(`UPDATE workflow_trigger_requests SET status = 'processed', processed_at = now(), error = NULL WHERE id = ANY($1::uuid[])`, [requests.map((r) => r.id)]);
    if (running.length > 0) await this.afterCommit.run(tx, () => this.runs.enqueue(running.map((run) => ({ id: run.id, current_step: 0, attempt_count: 0 }))));
  }

  /**
   * One run per (request, active workflow bound to its id), with the steps as
   * they are now: one INSERT per round, where a round holds each contact once
   * (a person asked twice in the batch is enrolled twice, in a second round),
   * so every returned run maps back to its request by contact.
   */
  private async enrolAll(tx: EntityManager, enrolments: Enrolment[]): Promise<EnrolledRun[]> {
    const rounds: Enrolment[][] = [];
    const seen = new Map<string, number>();
    for (const enrolment of enrolments) {
      const round = seen.get(enrolment.contactId) ?? 0;
      seen.set(enrolment.contactId, round + 1);
      (rounds[round] ??= []).push(enrolment);
    }
    const enrolled: EnrolledRun[] = [];
    for (const round of rounds) enrolled.push(...(await this.enrolRound(tx, round)));
    return enrolled;
  }

  private async enrolRound(tx: EntityManager, round: Enrolment[]): Promise<EnrolledRun[]> {
    const runs = (await tx.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(ord int, webhook_id text, account_id uuid, contact_id uuid, variables jsonb)
       ), enrolled AS (
         INSERT INTO workflow_runs (account_id, workflow_id, contact_id, status, steps, variables, started_at, completed_at)
         SELECT w.account_id, w.id, i.contact_id, CASE WHEN json_array_length(w.steps) = 0 THEN 'completed' ELSE 'running' END, w.steps, i.variables, now(),
                CASE WHEN json_array_length(w.steps) = 0 THEN now() END
           FROM input i
           JOIN workflows w ON w.webhook_id = i.webhook_id AND w.account_id = i.account_id AND w.active
          ORDER BY i.ord, w.created_at
         RETURNING id, workflow_id, contact_id, status, completed_at
       )
       SELECT e.id, e.workflow_id, e.contact_id, e.status, e.completed_at, w.name AS workflow_name FROM enrolled e JOIN workflows w ON w.id = e.workflow_id`,
      [
        JSON.stringify(
          round.map(({ request, contactId, variables }, ord) => ({ ord, webhook_id: request.webhook_id, account_id: request.account_id, contact_id: contactId, variables })),
        ),
      ],
    )) as (EnrolledRun & { contact_id: string; completed_at: Date | null })[];
    const byContact = new Map(round.map((enrolment) => [enrolment.contactId, enrolment]));
    // Events in the order the requests came (RETURNING's order is not promised), workflows in creation order.
    const ordered = round.flatMap((enrolment) => runs.filter((run) => run.contact_id === enrolment.contactId));
    for (const run of ordered) {
      const { request, variables } = byContact.get(run.contact_id) as Enrolment;
      const data = runEventData({ ...run, contact_id: run.contact_id, variables }, run.workflow_name);
      await this.events.publish(tx, { accountId: request.account_id, type: 'workflow.enrolled', data: { ...data } });
      if (run.status === 'completed') {
        await this.events.publish(tx, {
          accountId: request.account_id,
          type: 'workflow.completed',
          data: { ...data, status: 'completed', completed_at: new Date(run.completed_at as Date).toISOString() },
        });
      }
    }
    return ordered;
  }

  /** The transaction rolled back: count the attempt, and retry later or give up (the inbound log row then says why). */
  private async recordFailure(requestId: string, message: string, summary: string, permanent: boolean): Promise<void> {
    const error = message.slice(0, MAX_ERROR_LENGTH);
    try {
      const [row] = (await this.dataSource.query(
        `UPDATE workflow_trigger_requests
            SET attempt_count = attempt_count + 1, error = $2,
                status = CASE WHEN $4 OR attempt_count + 1 >= $3 THEN 'failed' ELSE 'pending' END
          WHERE id = $1 AND status = 'pending'
          RETURNING status, attempt_count, inbound_log_id`,
        [requestId, error, this.retries.maxAttempts, permanent],
      )) as { status: string; attempt_count: number; inbound_log_id: string | null }[];
      if (!row) return;
      if (row.status === 'failed') {
        this.logger.error(`Trigger request ${requestId} failed ${row.attempt_count} times and was given up (${summary}; the request and its inbound log row say why)`);
        if (row.inbound_log_id) await markInboundLogFailed(this.dataSource.manager, row.inbound_log_id, `Processing failed: ${error}`);
        return;
      }
      const next = afterFailedAttempt(this.retries, row.attempt_count, { permanent });
      const delayMs = next.kind === 'retry' ? next.delayMs : 0;
      await this.dataSource.query('UPDATE workflow_trigger_requests SET next_attempt_at = now() + make_interval(secs => $2::float / 1000) WHERE id = $1', [requestId, delayMs]);
      this.logger.warn(`Trigger request ${requestId} failed (attempt ${row.attempt_count}, ${summary}), will retry in ${Math.round(delayMs / 1000)} s`);
      await this.requests.enqueue([{ id: requestId, attempt_count: row.attempt_count, delayMs }]);
    } catch (failure) {
      // The sweeper finds the request again: it is still pending.
      this.logger.warn(`Could not record the failure of trigger request ${requestId}: ${(failure as Error).message}`);
    }
  }
}
