import { InjectQueue } from '@nestjs/bull';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { QueueConsumers } from '@hub/operations';
import { EventDispatcher } from '../../delivery/event-dispatcher';
import { DISPATCH_CONCURRENCY, DISPATCH_QUEUE, DispatchJob } from './event-dispatch.queue';

/** The worker's consumer of `event-dispatch`: fans one stored event out. */
@Injectable()
export class EventDispatchConsumer implements OnModuleInit {
  constructor(
    @InjectQueue(DISPATCH_QUEUE) private readonly queue: Queue<DispatchJob>,
    private readonly consumers: QueueConsumers,
    private readonly dispatcher: EventDispatcher,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(this.queue, DISPATCH_CONCURRENCY, (job) => this.dispatcher.dispatch([job.data.eventId]));
  }
}
