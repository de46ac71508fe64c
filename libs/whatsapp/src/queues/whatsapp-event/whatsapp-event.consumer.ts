import { InjectQueue } from '@nestjs/bull';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { QueueConsumers } from '@hub/operations';
import { NodeEventRunner } from '../../events/node-event-runner';
import { WHATSAPP_EVENT_CONCURRENCY, WHATSAPP_EVENT_QUEUE, WhatsappEventJob } from './whatsapp-event.queue';

/** The worker's consumer of `whatsapp-event`: each job is one try of the node events it names, each reloaded from PostgreSQL. */
@Injectable()
export class WhatsappEventConsumer implements OnModuleInit {
  constructor(
    @InjectQueue(WHATSAPP_EVENT_QUEUE) private readonly queue: Queue<WhatsappEventJob>,
    private readonly consumers: QueueConsumers,
    private readonly runner: NodeEventRunner,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(this.queue, WHATSAPP_EVENT_CONCURRENCY, async (job) => {
      // In their order, together: a job is one unit of Bull work, and the events of a request stay in order.
      await this.runner.run(job.data.eventIds ?? [job.data.eventId]);
    });
  }
}
