import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@hub/config';
import { leaseIsFree } from '@hub/operations';
import { WorkflowRun } from '../runs/workflow-run.entity';
import { HttpRequestStep, SendStep, isSendStep } from '../steps/workflow-step';
import { Workflow } from '../workflows/workflow.entity';
import { LostLeaseError, RunProgress } from './run-progress';
import { resultOfError, StepContext, StepResult } from './step-result';
import { ContactSteps } from './steps/contact-steps';
import { HttpRequestStepRunner } from './steps/http-request-step';
import { SendMessageStep } from './steps/send-message-step';

// The lease outlives the slowest step (an http_request up to its timeout), so nobody else runs it meanwhile.
const LEASE_MARGIN_SECONDS = 30;

/**
 * Runs the current step of one run: claim (lease), execute, record and
 * advance. The claim is one conditional UPDATE, so a duplicate or stalled job,
 * the sweeper and a second worker can all ask for the same run and only one
 * runs the step; the state decides, not the job. Steps that only touch the
 * database run inside the recording transaction; http_request runs outside it.
 */
@Injectable()
export class WorkflowRunner {
  private readonly logger = new Logger('WorkflowRunner');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly progress: RunProgress,
    private readonly http: HttpRequestStepRunner,
    private readonly contactSteps: ContactSteps,
    private readonly sendStep: SendMessageStep,
  ) {}

  async run(runId: string): Promise<void> {
    const run = await this.claim(runId);
    if (!run) return;
    const workflow = await this.dataSource.getRepository(Workflow).findOne({ where: { id: run.workflow_id }, select: { id: true, name: true, secret_encrypted: true } });
    if (!workflow) return; // deleted meanwhile: its runs go with it (ON DELETE CASCADE)
    const step = run.steps[run.current_step];
    try {
      if (step.type === 'wait') {
        await this.dataSource.transaction((tx) =>
          run.status === 'waiting' ? this.progress.record(tx, run, workflow.name, { kind: 'completed', output: { resumed_at: new Date().toISOString() } }) : this.progress.startWait(tx, run, step),
        );
        return;
      }
      const started = await this.progress.start(run);
      const ctx: StepContext = { run, workflow, step, started };
      if (step.type === 'http_request') {
        const result = await this.http.execute(ctx as StepContext<HttpRequestStep>);
        await this.dataSource.transaction((tx) => this.progress.record(tx, run, workflow.name, result));
        return;
      }
      await this.inTransaction(ctx, workflow.name);
    } catch (error) {
      if (!(error instanceof LostLeaseError)) throw error;
      this.logger.warn(error.message);
    }
  }

  /** A step that fails throws its transaction away; its failure is then recorded in a transaction of its own. */
  private async inTransaction(ctx: StepContext, workflowName: string): Promise<void> {
    try {
      await this.dataSource.transaction(async (tx) => this.progress.record(tx, ctx.run, workflowName, await this.execute(tx, ctx)));
    } catch (error) {
      if (error instanceof LostLeaseError) throw error;
      const result = resultOfError(error);
      if (result.kind === 'retry') this.logger.warn(`Run ${ctx.run.id} step ${ctx.run.current_step} (${ctx.step.type}) failed, will retry: ${result.error}`);
      await this.dataSource.transaction((tx) => this.progress.record(tx, ctx.run, workflowName, result));
    }
  }

  private execute(tx: EntityManager, ctx: StepContext): Promise<StepResult> {
    const { step } = ctx;
    if (isSendStep(step)) return this.sendStep.execute(tx, ctx as StepContext<SendStep>);
    if (step.type === 'update_contact') return this.contactSteps.updateContact(tx, { ...ctx, step });
    if (step.type === 'add_to_group') return this.contactSteps.addToGroup(tx, { ...ctx, step });
    throw new Error(`Step type ${step.type} does not run in a transaction`);
  }

  /** Takes the run's lease and counts an attempt of its current step, if the run is due and nobody holds it. */
  private async claim(runId: string): Promise<WorkflowRun | null> {
    const leaseSeconds = this.config.webhookTimeoutMs / 1000 + LEASE_MARGIN_SECONDS;
    const rows = await this.dataSource
      .createQueryBuilder()
      .update(WorkflowRun)
      .set({ attempt_count: () => 'attempt_count + 1', locked_until: () => `now() + make_interval(secs => ${Number(leaseSeconds)})` })
      .where("id = :id AND status IN ('running', 'waiting')", { id: runId })
      .andWhere("(resume_at IS NULL OR resume_at <= now() + interval '1 second')")
      .andWhere(leaseIsFree())
      .andWhere('current_step < json_array_length(steps)')
      .returning('*')
      .execute();
    const raw = (rows.raw as Record<string, unknown>[])[0];
    if (!raw) return null;
    return this.dataSource.getRepository(WorkflowRun).create(raw as Partial<WorkflowRun>);
  }
}
