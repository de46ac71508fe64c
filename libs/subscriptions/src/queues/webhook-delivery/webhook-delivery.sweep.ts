import { Injectable, OnModuleInit } from '@nestjs/common';
import { leaseIsFree, WorkSweeper } from '@hub/operations';
import { DeliveryProducer, DueDelivery } from './webhook-delivery.producer';

/** Registers with the sweeper: pending deliveries that are due and not leased (their job lost, or their worker killed). */
@Injectable()
export class DeliverySweep implements OnModuleInit {
  constructor(
    private readonly sweeper: WorkSweeper,
    private readonly producer: DeliveryProducer,
  ) {}

  onModuleInit(): void {
    this.sweeper.register<DueDelivery>({
      name: 'deliveries',
      due: async (tx, graceSeconds, limit) =>
        (await tx.query(
          `SELECT id, attempt_count FROM deliveries
            WHERE status = 'pending' AND next_attempt_at < now() - make_interval(secs => $1) AND ${leaseIsFree()}
            ORDER BY next_attempt_at LIMIT $2`,
          [graceSeconds, limit],
        )) as DueDelivery[],
      enqueue: (due) => this.producer.deliver(due),
    });
  }
}
