import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ulid } from 'ulid';
import { AppConfig } from '@hub/config';
import { AfterCommit } from '@hub/database';
import { EventPublisher } from '@hub/events';
import { afterFailedAttempt, RetrySchedule } from '@hub/operations';
import { DueRun, WorkflowRunProducer } from '../queues/workflow-run/workflow-run.producer';
import { stepRetrySchedule } from '../queues/workflow-run/workflow-run.queue';
import { runEventData } from '../runs/run-events';
import { WorkflowRun } from '../runs/workflow-run.entity';
import { StepStatus } from '../runs/workflow-step-state.entity';
import { WaitStep } from '../steps/workflow-step';
import { StepResult } from './step-result';

const MAX_ERROR_LENGTH = 2000;

/** Another worker took the run over (our lease ran out): what we were about to write is rolled back. */
export class LostLeaseError extends Error {}

/**
 * Writes what a run's steps did: the step state, and in the same transaction
 * the run's move to the next step (or its end, publishing workflow.completed),
 * a retry's resume time or a wait. Each write is guarded by the step and the
 * attempt the worker claimed, so a worker whose lease ran out writes nothing.
 * The next job is enqueued after the commit.
 */
@Injectable()
export class RunProgress {
  private readonly retries: RetrySchedule;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
    private readonly events: EventPublisher,
    private readonly afterCommit: AfterCommit,
    private readonly producer: WorkflowRunProducer,
  ) {
    this.retries = stepRetrySchedule(config);
  }

  /** Marks the current step running (this attempt) and answers the output it started with; http_request gets its event id once. */
  async start(run: WorkflowRun): Promise<Record<string, unknown>> {
    const step = run.steps[run.current_step];
    const initial = step.type === 'http_request' ? { event_id: `evt_${ulid()}` } : null;
    const [row] = await this.dataSource.query<{ output: Record<string, unknown> | null }[]>(
      `INSERT INTO workflow_step_states (run_id, index, type, status, attempts, output, started_at) VALUES ($1, $2, $3, 'running', $4, $5::jsonb, now())
       ON CONFLICT (run_id, index) DO UPDATE SET status = 'running', attempts = EXCLUDED.attempts, updated_at = now()
       RETURNING output`,
      [run.id, run.current_step, step.type, run.attempt_count, initial === null ? null : JSON.stringify(initial)],
    );
    return row?.output ?? {};
  }

  async record(tx: EntityManager, run: WorkflowRun, workflowName: string, result: StepResult): Promise<void> {
    const next = result.kind === 'retry' ? afterFailedAttempt(this.retries, run.attempt_count) : undefined;
    if (result.kind === 'retry' && next?.kind === 'retry') return this.retry(tx, run, result.error, next.delayMs, result.output);
    if (result.kind === 'retry' || result.kind === 'failed') {
      const error = result.kind === 'retry' ? `${result.error} (after ${run.attempt_count} attempts)` : result.error;
      return this.fail(tx, run, workflowName, error, result.output);
    }
    await this.saveState(tx, run, result.kind, result.output, null);
    await this.advance(tx, run, workflowName, result.kind === 'completed' ? result.variables : undefined);
  }

  /** First claim of a wait step: the run waits until resume_at; a delayed job (or the sweeper) wakes it. */
  async startWait(tx: EntityManager, run: WorkflowRun, step: WaitStep): Promise<void> {
    const resumeAt = new Date(Date.now() + step.seconds * 1000);
    await this.saveState(tx, run, 'running', { resume_at: resumeAt.toISOString() }, null);
    await this.updateRun(tx, run, { status: 'waiting', resume_at: resumeAt });
    await this.enqueueAfterCommit(tx, { id: run.id, current_step: run.current_step, attempt_count: run.attempt_count, delayMs: step.seconds * 1000 });
  }

  private async retry(tx: EntityManager, run: WorkflowRun, error: string, delayMs: number, output?: Record<string, unknown>): Promise<void> {
    await this.saveState(tx, run, 'running', output ?? null, error);
    await this.updateRun(tx, run, { resume_at: new Date(Date.now() + delayMs) });
    await this.enqueueAfterCommit(tx, { id: run.id, current_step: run.current_step, attempt_count: run.attempt_count, delayMs });
  }

  private async fail(tx: EntityManager, run: WorkflowRun, workflowName: string, error: string, output?: Record<string, unknown>): Promise<void> {
    const step = run.steps[run.current_step];
    await this.saveState(tx, run, 'failed', output ?? null, error);
    await this.finish(tx, run, workflowName, 'failed', `Step ${run.current_step + 1} (${step.type}) failed: ${error}`, run.variables);
  }

  private async advance(tx: EntityManager, run: WorkflowRun, workflowName: string, changed?: Record<string, unknown>): Promise<void> {
    const variables = changed ? { ...run.variables, ...changed } : run.variables;
    const next = run.current_step + 1;
    if (next >= run.steps.length) return this.finish(tx, run, workflowName, 'completed', null, variables);
    await this.updateRun(tx, run, { status: 'running', current_step: next, attempt_count: 0, resume_at: null, variables });
    await this.enqueueAfterCommit(tx, { id: run.id, current_step: next, attempt_count: 0 });
  }

  private async finish(tx: EntityManager, run: WorkflowRun, workflowName: string, status: 'completed' | 'failed', error: string | null, variables: Record<string, unknown>): Promise<void> {
    const completedAt = new Date();
    await this.updateRun(tx, run, { status, error: error?.slice(0, MAX_ERROR_LENGTH) ?? null, resume_at: null, completed_at: completedAt, variables });
    await this.events.publish(tx, {
      accountId: run.account_id,
      type: 'workflow.completed',
      data: { ...runEventData({ ...run, variables }, workflowName), status, completed_at: completedAt.toISOString() },
    });
  }

  private async saveState(tx: EntityManager, run: WorkflowRun, status: StepStatus, output: Record<string, unknown> | null, error: string | null): Promise<void> {
    const finished = status === 'completed' || status === 'failed' || status === 'skipped';
    await tx.query(
      `INSERT INTO workflow_step_states (run_id, index, type, status, attempts, output, error, started_at, finished_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, now(), CASE WHEN $8 THEN now() END)
       ON CONFLICT (run_id, index) DO UPDATE SET status = EXCLUDED.status, attempts = EXCLUDED.attempts,
         output = COALESCE(EXCLUDED.output, workflow_step_states.output), error = EXCLUDED.error,
         finished_at = EXCLUDED.finished_at, updated_at = now()`,
      [run.id, run.current_step, run.steps[run.current_step].type, status, run.attempt_count, output === null ? null : JSON.stringify(output), error?.slice(0, MAX_ERROR_LENGTH) ?? null, finished],
    );
  }

  /** Releases the lease and applies the change, only if the run is still at the step and attempt this worker claimed. */
  private async updateRun(tx: EntityManager, run: WorkflowRun, patch: Partial<WorkflowRun>): Promise<void> {
    const result = await tx
      .createQueryBuilder()
      .update(WorkflowRun)
      .set({ ...patch, locked_until: null } as never)
      .where('id = :id AND current_step = :step AND attempt_count = :attempts', { id: run.id, step: run.current_step, attempts: run.attempt_count })
      .execute();
    if (result.affected !== 1) throw new LostLeaseError(`Run ${run.id} moved on while step ${run.current_step} attempt ${run.attempt_count} was running`);
  }

  private enqueueAfterCommit(tx: EntityManager, due: DueRun): Promise<void> {
    return this.afterCommit.run(tx, () => this.producer.enqueue([due]));
  }
}
