import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { undispatchedEventIds } from '@hub/events';
import { WorkSweeper } from '@hub/operations';
import { EventDispatchProducer } from './event-dispatch.producer';

/** Registers with the sweeper: events stored but never fanned out (their job lost, or stored without the delivery engine). */
@Injectable()
export class EventDispatchSweep implements OnModuleInit {
  constructor(
    private readonly sweeper: WorkSweeper,
    private readonly producer: EventDispatchProducer,
  ) {}

  onModuleInit(): void {
    this.sweeper.register<string>({
      name: 'events',
      // The events lib owns the table: it answers which events are still undispatched.
      due: (tx: EntityManager, graceSeconds, limit) => undispatchedEventIds(tx, graceSeconds, limit),
      enqueue: (eventIds) => this.producer.dispatch(eventIds),
    });
  }
}
