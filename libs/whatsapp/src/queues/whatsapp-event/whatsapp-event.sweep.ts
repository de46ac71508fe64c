import { Injectable, OnModuleInit } from '@nestjs/common';
import { leaseIsFree, WorkSweeper } from '@hub/operations';
import { DueNodeEvent, WhatsappEventProducer } from './whatsapp-event.producer';

/** Registers with the sweeper: pending node events that are due and not leased (their job lost, or their worker died). */
@Injectable()
export class WhatsappEventSweep implements OnModuleInit {
  constructor(
    private readonly sweeper: WorkSweeper,
    private readonly producer: WhatsappEventProducer,
  ) {}

  onModuleInit(): void {
    this.sweeper.register<DueNodeEvent>({
      name: 'whatsapp-events',
      batch: 1000,
      due: async (tx, graceSeconds, limit) =>
        (await tx.query(
          `SELECT id, attempt_count FROM whatsapp_events
            WHERE status = 'pending' AND next_attempt_at < now() - make_interval(secs => $1) AND ${leaseIsFree()}
            ORDER BY next_attempt_at LIMIT $2`,
          [graceSeconds, limit],
        )) as DueNodeEvent[],
      enqueue: (due) => this.producer.enqueue(due),
    });
  }
}
