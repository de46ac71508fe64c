import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AccountScope } from '@hub/database';
import { leaseIsFree } from '@hub/operations';
import { WorkflowRunProducer } from '../queues/workflow-run/workflow-run.producer';
import { WorkflowRunDto } from './dto/workflow-run.dto';
import { toRunDto } from './run-queries.service';
import { WorkflowRun } from './workflow-run.entity';
import { WorkflowStepState } from './workflow-step-state.entity';

const CANCELLED = 'Cancelled by an admin';

/**
 * What an admin does to one run: retry its failing step now, or cancel it.
 * Both change the run row only while no worker holds its lease (a step in
 * flight answers 409); a retry then goes through the run queue like any other
 * (its delayed job brought forward), so there is one way work gets done.
 */
@Injectable()
export class RunActions {
  private readonly runs: AccountScope<WorkflowRun>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: WorkflowRunProducer,
    @InjectRepository(WorkflowRun) runs: Repository<WorkflowRun>,
    @InjectRepository(WorkflowStepState) private readonly states: Repository<WorkflowStepState>,
  ) {
    this.runs = new AccountScope(runs, 'Workflow run');
  }

  /**
   * A run waiting for a step's retry tries it now; a failed run tries its
   * failed step again with a fresh set of attempts. Anything else is 409.
   */
  async retry(accountId: string, workflowId: string, runId: string): Promise<WorkflowRunDto> {
    const run = await this.find(accountId, workflowId, runId);
    const retryDue = run.status === 'running' && run.resume_at !== null;
    if (!retryDue && run.status !== 'failed') throw new ConflictException(`a ${run.status} run has no failing step to retry`);
    const patch = retryDue
      ? `resume_at = now()`
      : `status = 'running', attempt_count = 0, resume_at = now(), error = NULL, completed_at = NULL`;
    const [updated] = await this.update(run, patch, retryDue ? `status = 'running' AND resume_at IS NOT NULL` : `status = 'failed'`);
    if (!updated) throw new ConflictException('the step is running right now');
    await this.producer.runNow({ id: updated.id, current_step: updated.current_step, attempt_count: updated.attempt_count });
    return this.dto(updated);
  }

  /** Stops a running or waiting run where it is; its pending job then finds nothing to do. */
  async cancel(accountId: string, workflowId: string, runId: string): Promise<WorkflowRunDto> {
    const run = await this.find(accountId, workflowId, runId);
    if (run.status !== 'running' && run.status !== 'waiting') throw new ConflictException(`a ${run.status} run cannot be cancelled`);
    const [updated] = await this.update(run, `status = 'cancelled', error = '${CANCELLED}', resume_at = NULL, completed_at = now()`, `status IN ('running', 'waiting')`);
    if (!updated) throw new ConflictException('the step is running right now');
    return this.dto(updated);
  }

  private async find(accountId: string, workflowId: string, runId: string): Promise<WorkflowRun> {
    const run = await this.runs.get(accountId, runId);
    if (run.workflow_id !== workflowId) throw this.runs.notFound(runId);
    return run;
  }

  /** One guarded UPDATE: applies `set` only when `when` still holds and nobody holds the lease; answers the updated run or none. */
  private async update(run: WorkflowRun, set: string, when: string): Promise<WorkflowRun[]> {
    const [rows] = (await this.dataSource.query(
      `UPDATE workflow_runs SET ${set}, locked_until = NULL, updated_at = now() WHERE id = $1 AND ${when} AND ${leaseIsFree()} RETURNING *`,
      [run.id],
    )) as [Record<string, unknown>[], number];
    return rows.map((row) => this.dataSource.getRepository(WorkflowRun).create(row as Partial<WorkflowRun>));
  }

  private async dto(run: WorkflowRun): Promise<WorkflowRunDto> {
    return toRunDto(run, await this.states.find({ where: { run_id: run.id } }));
  }
}
