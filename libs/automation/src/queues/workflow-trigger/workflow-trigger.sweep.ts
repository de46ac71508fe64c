import { Injectable, OnModuleInit } from '@nestjs/common';
import { WorkSweeper } from '@hub/operations';
import { DueTriggerRequest, TriggerRequestProducer } from './workflow-trigger.producer';

/** Registers with the sweeper: stored trigger requests still pending (the processing job takes row locks, so it needs no lease). */
@Injectable()
export class TriggerRequestSweep implements OnModuleInit {
  constructor(
    private readonly sweeper: WorkSweeper,
    private readonly producer: TriggerRequestProducer,
  ) {}

  onModuleInit(): void {
    this.sweeper.register<DueTriggerRequest>({
      name: 'trigger requests',
      due: async (tx, graceSeconds, limit) =>
        (await tx.query(
          `SELECT id, attempt_count FROM workflow_trigger_requests WHERE status = 'pending' AND next_attempt_at < now() - make_interval(secs => $1)
            ORDER BY next_attempt_at LIMIT $2`,
          [graceSeconds, limit],
        )) as DueTriggerRequest[],
      enqueue: (due) => this.producer.enqueue(due),
    });
  }
}
