import { Injectable, OnModuleInit } from '@nestjs/common';
import { leaseIsFree, WorkSweeper } from '@hub/operations';
import { DueConfirmation, SnsConfirmationProducer } from './sns-confirmation.producer';

/** Registers with the sweeper: pending confirmations that are due and not leased (their job lost, or their worker died). */
@Injectable()
export class SnsConfirmationSweep implements OnModuleInit {
  constructor(
    private readonly sweeper: WorkSweeper,
    private readonly producer: SnsConfirmationProducer,
  ) {}

  onModuleInit(): void {
    this.sweeper.register<DueConfirmation>({
      name: 'sns confirmations',
      batch: 500,
      due: async (tx, graceSeconds, limit) =>
        (await tx.query(
          `SELECT id, attempt_count FROM sns_confirmations
            WHERE status = 'pending' AND next_attempt_at < now() - make_interval(secs => $1) AND ${leaseIsFree()}
            ORDER BY next_attempt_at LIMIT $2`,
          [graceSeconds, limit],
        )) as DueConfirmation[],
      enqueue: (due) => this.producer.enqueue(due),
    });
  }
}
