import { InjectQueue } from '@nestjs/bull';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { QueueConsumers } from '@hub/operations';
import { MessageProviderEvents } from '../../provider-events/message-provider-events';
import { PROVIDER_EVENTS_BATCH, PROVIDER_EVENTS_CONCURRENCY, PROVIDER_EVENTS_QUEUE, ProviderEventsJob } from './provider-events.queue';

/** The worker's consumer of `provider-events`: applies pending events a batch at a time until none is left. */
@Injectable()
export class ProviderEventsConsumer implements OnModuleInit {
  constructor(
    @InjectQueue(PROVIDER_EVENTS_QUEUE) private readonly queue: Queue<ProviderEventsJob>,
    private readonly consumers: QueueConsumers,
    private readonly events: MessageProviderEvents,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(this.queue, PROVIDER_EVENTS_CONCURRENCY, async () => {
      while ((await this.events.applyPending(PROVIDER_EVENTS_BATCH)) === PROVIDER_EVENTS_BATCH);
    });
  }
}
