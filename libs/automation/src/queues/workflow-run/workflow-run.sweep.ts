import { Injectable, OnModuleInit } from '@nestjs/common';
import { leaseIsFree, WorkSweeper } from '@hub/operations';
import { DueRun, WorkflowRunProducer } from './workflow-run.producer';

/**
 * Registers with the sweeper: runs that are due — running with no lease, or
 * waiting with resume_at passed — so a run survives a killed worker, a lost
 * job or a Redis flush, and a `wait` survives restarts.
 */
@Injectable()
export class WorkflowRunSweep implements OnModuleInit {
  constructor(
    private readonly sweeper: WorkSweeper,
    private readonly producer: WorkflowRunProducer,
  ) {}

  onModuleInit(): void {
    this.sweeper.register<DueRun>({
      name: 'workflow runs',
      due: async (tx, graceSeconds, limit) =>
        (await tx.query(
          `SELECT id, current_step, attempt_count FROM workflow_runs
            WHERE status IN ('running', 'waiting')
              AND (resume_at < now() - make_interval(secs => $1) OR (resume_at IS NULL AND updated_at < now() - make_interval(secs => $1)))
              AND ${leaseIsFree()}
            ORDER BY COALESCE(resume_at, updated_at) LIMIT $2`,
          [graceSeconds, limit],
        )) as DueRun[],
      enqueue: (due) => this.producer.enqueue(due),
    });
  }
}
