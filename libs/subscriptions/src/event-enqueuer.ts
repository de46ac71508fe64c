import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventCommitHook } from '@hub/events';
import { DeliveryProducer } from './delivery/delivery-producer';

/** As soon as a transaction that published events commits, their fan-out jobs go on the queue. */
@Injectable()
export class EventEnqueuer implements OnModuleInit {
  constructor(
    private readonly hook: EventCommitHook,
    private readonly producer: DeliveryProducer,
  ) {}

  onModuleInit(): void {
    this.hook.listen((eventIds) => this.producer.dispatchEvents(eventIds));
  }
}
