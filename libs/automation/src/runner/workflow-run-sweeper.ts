import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@hub/config';
import { PeriodicTask } from '@hub/operations';
import { DueTriggerRequest, TriggerRequestProducer } from '../trigger/trigger-request-producer';
import { DueRun, WorkflowRunProducer } from './workflow-run-producer';

// Work younger than this is still in the normal path (job just enqueued or running).
const GRACE_SECONDS = 5;
const BATCH = 5000;
const SWEEP_LOCK = 727_010;
const PURGE_BATCH = 1000;

/**
 * PostgreSQL is the truth, Redis only moves work. Every few seconds (a plain
 * timer, not a Bull job, so it survives a Redis flush) one worker re-enqueues
 * runs that are due — running with no lease, or waiting with resume_at passed
 * — so a run survives a killed worker, a lost job or a Redis flush, and a
 * `wait` survives restarts; likewise stored trigger requests still pending.
 * Job ids are deterministic, so re-adding a job that still exists is a no-op,
 * and the claim (or row lock) makes a duplicate harmless anyway. It also
 * purges trigger requests done more than 24 h ago (their Idempotency-Keys
 * expire with them).
 */
@Injectable()
export class WorkflowRunSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkflowRunSweeper');
  private readonly task: PeriodicTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: WorkflowRunProducer,
    private readonly triggers: TriggerRequestProducer,
    private readonly config: AppConfig,
  ) {
    this.task = new PeriodicTask('WorkflowRunSweeper', config.webhookSweepIntervalMs, () => this.sweep());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass; returns how many runs and trigger requests it re-enqueued. Only one worker sweeps at a time. */
  async sweep(): Promise<number> {
    const found = await this.dataSource.transaction(async (tx) => {
      const [{ locked }] = (await tx.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [SWEEP_LOCK])) as [{ locked: boolean }];
      if (!locked) return { runs: [] as DueRun[], triggers: [] as DueTriggerRequest[] };
      await tx.query(
        `DELETE FROM workflow_trigger_requests WHERE ctid = ANY(ARRAY(
           SELECT ctid FROM workflow_trigger_requests WHERE created_at < now() - interval '24 hours' AND status <> 'pending' LIMIT $1))`,
        [PURGE_BATCH],
      );
      const triggers = (await tx.query(
        `SELECT id, attempt_count FROM workflow_trigger_requests WHERE status = 'pending' AND next_attempt_at < now() - make_interval(secs => $1)
          ORDER BY next_attempt_at LIMIT $2`,
        [GRACE_SECONDS, BATCH],
      )) as DueTriggerRequest[];
      const runs = (await tx.query(
        `SELECT id, current_step, attempt_count FROM workflow_runs
          WHERE status IN ('running', 'waiting')
            AND (resume_at < now() - make_interval(secs => $1) OR (resume_at IS NULL AND updated_at < now() - make_interval(secs => $1)))
            AND (locked_until IS NULL OR locked_until < now())
          ORDER BY COALESCE(resume_at, updated_at) LIMIT $2`,
        [GRACE_SECONDS, BATCH],
      )) as DueRun[];
      return { runs, triggers };
    });
    await this.triggers.enqueue(found.triggers);
    await this.producer.enqueue(found.runs);
    const count = found.runs.length + found.triggers.length;
    if (count > 0) this.logger.log(`Re-enqueued ${found.triggers.length} trigger request(s) and ${found.runs.length} workflow run(s) from PostgreSQL`);
    return count;
  }
}
