import { Injectable, OnModuleInit } from '@nestjs/common';
import { leaseIsFree, WorkSweeper } from '@hub/operations';
import { DueLead, LeadCaptureProducer } from './lead-capture.producer';

/** Registers with the sweeper: pending leads that are due and not leased (their job lost, or their worker died). */
@Injectable()
export class LeadCaptureSweep implements OnModuleInit {
  constructor(
    private readonly sweeper: WorkSweeper,
    private readonly producer: LeadCaptureProducer,
  ) {}

  onModuleInit(): void {
    this.sweeper.register<DueLead>({
      name: 'leads',
      batch: 1000,
      due: async (tx, graceSeconds, limit) =>
        (await tx.query(
          `SELECT id, attempt_count FROM leads
            WHERE status = 'pending' AND next_attempt_at < now() - make_interval(secs => $1) AND ${leaseIsFree()}
            ORDER BY next_attempt_at LIMIT $2`,
          [graceSeconds, limit],
        )) as DueLead[],
      enqueue: (due) => this.producer.enqueue(due),
    });
  }
}
