import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HubMetrics, promoteDelayedJob } from '@hub/operations';
import type { Queue } from 'bull';
import { JOB_OPTIONS, WORKFLOW_RUN_QUEUE, WorkflowRunJob, workflowRunJobId } from './workflow-run.queue';

export interface DueRun {
  id: string;
  current_step: number;
  attempt_count: number;
  delayMs?: number;
}

/**
 * Puts runs on Redis. Never throws: PostgreSQL already holds the run, and the
 * sweeper re-enqueues whatever a failed enqueue (Redis down) left behind.
 * Re-adding a job id that still exists is a no-op in Bull.
 */
@Injectable()
export class WorkflowRunProducer implements OnModuleInit {
  private readonly logger = new Logger('WorkflowRunProducer');

  constructor(
    @InjectQueue(WORKFLOW_RUN_QUEUE) private readonly queue: Queue<WorkflowRunJob>,
    private readonly metrics: HubMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.watchQueue(WORKFLOW_RUN_QUEUE, () => this.queue.getJobCounts());
  }

  /** A run made due now by an admin: its delayed retry job, if Redis still holds one, runs now; else a new job. */
  async runNow(run: DueRun): Promise<void> {
    if (!(await promoteDelayedJob(this.queue, workflowRunJobId(run.id, run.current_step, run.attempt_count)))) await this.enqueue([run]);
  }

  async enqueue(runs: DueRun[]): Promise<void> {
    if (runs.length === 0) return;
    await this.queue
      .addBulk(
        runs.map((run) => ({
          data: { runId: run.id },
          opts: { ...JOB_OPTIONS, jobId: workflowRunJobId(run.id, run.current_step, run.attempt_count), delay: Math.max(0, Math.round(run.delayMs ?? 0)) },
        })),
      )
      .catch((error: Error) => this.logger.warn(`Enqueue of ${runs.length} workflow run job(s) failed; the sweeper will retry: ${error.message}`));
  }
}
