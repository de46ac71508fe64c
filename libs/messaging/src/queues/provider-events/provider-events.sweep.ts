import { Injectable, OnModuleInit } from '@nestjs/common';
import { WorkSweeper } from '@hub/operations';
import { ProviderEventsProducer } from './provider-events.producer';

/** Registers with the sweeper: provider events still pending after the grace period (their signal lost with Redis, or their worker died). */
@Injectable()
export class ProviderEventsSweep implements OnModuleInit {
  constructor(
    private readonly sweeper: WorkSweeper,
    private readonly producer: ProviderEventsProducer,
  ) {}

  onModuleInit(): void {
    this.sweeper.register<{ pending: true }>({
      name: 'provider events',
      batch: 1,
      due: async (tx, graceSeconds) =>
        (await tx.query(
          `SELECT true AS pending FROM message_provider_events WHERE applied_at IS NULL AND created_at < now() - make_interval(secs => $1) LIMIT 1`,
          [graceSeconds],
        )) as { pending: true }[],
      enqueue: () => this.producer.signal(),
    });
  }
}
