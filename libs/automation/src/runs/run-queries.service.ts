import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AccountScope } from '@hub/database';
import { decodeCursor, Page, PageQueryDto, toPage } from '@hub/http';
import { Workflow } from '../workflows/workflow.entity';
import { StepStateDto, WorkflowRunDto } from './dto/workflow-run.dto';
import { WorkflowRun } from './workflow-run.entity';
import { WorkflowStepState } from './workflow-step-state.entity';

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/** Each step of the run's own copy of the steps, with its state (pending until the run reaches it). */
export function toRunDto(run: WorkflowRun, states: WorkflowStepState[]): WorkflowRunDto {
  const byIndex = new Map(states.map((state) => [state.index, state]));
  const steps: StepStateDto[] = run.steps.map((step, index) => {
    const state = byIndex.get(index);
    if (!state) return { index, type: step.type, status: 'pending', attempts: 0, output: null, error: null, started_at: null, finished_at: null };
    return {
      index,
      type: state.type,
      status: state.status,
      attempts: state.attempts,
      output: state.output,
      error: state.error,
      started_at: iso(state.started_at),
      finished_at: iso(state.finished_at),
    };
  });
  return {
    id: run.id,
    workflow_id: run.workflow_id,
    contact_id: run.contact_id,
    status: run.status,
    current_step: run.current_step,
    resume_at: iso(run.resume_at),
    variables: run.variables,
    error: run.error,
    steps,
    started_at: run.started_at.toISOString(),
    completed_at: iso(run.completed_at),
  };
}

@Injectable()
export class RunQueries {
  private readonly workflows: AccountScope<Workflow>;
  private readonly runs: AccountScope<WorkflowRun>;

  constructor(
    @InjectRepository(Workflow) workflows: Repository<Workflow>,
    @InjectRepository(WorkflowRun) runs: Repository<WorkflowRun>,
    @InjectRepository(WorkflowStepState) private readonly states: Repository<WorkflowStepState>,
  ) {
    this.workflows = new AccountScope(workflows, 'Workflow');
    this.runs = new AccountScope(runs, 'Workflow run');
  }

  /** 404 for an unknown workflow (or another account's); otherwise its runs, newest first. */
  async list(accountId: string, workflowId: string, query: PageQueryDto): Promise<Page<WorkflowRunDto>> {
    await this.workflows.get(accountId, workflowId);
    const qb = this.runs.queryBuilder(accountId, 'r').andWhere('r.workflow_id = :workflowId', { workflowId });
    const cursor = decodeCursor(query.cursor);
    if (cursor) qb.andWhere('(r.created_at, r.id) < (:at, :cid)', { at: cursor.createdAt, cid: cursor.id });
    const rows = await qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').take(query.limit + 1).getMany();
    const states = rows.length ? await this.states.find({ where: { run_id: In(rows.slice(0, query.limit).map((r) => r.id)) } }) : [];
    const byRun = new Map<string, WorkflowStepState[]>();
    for (const state of states) byRun.set(state.run_id, [...(byRun.get(state.run_id) ?? []), state]);
    return toPage(rows, query.limit, (run) => toRunDto(run, byRun.get(run.id) ?? []));
  }
}
