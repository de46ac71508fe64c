import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '@hub/config';
import { DELIVERY_QUEUE, DeliveryJob, DISPATCH_QUEUE, DispatchJob } from './delivery.queue';
import { DeliveryRunner } from './delivery-runner';
import { SendSlots } from './send-slots';
import { EventDispatcher } from './event-dispatcher';

// Fan-out is a few queries per event; 8 at once keeps the pool busy without starving deliveries.
const DISPATCH_CONCURRENCY = 8;

/**
 * The worker's two consumers. Registered with queue.process() rather than
 * @Process so delivery concurrency comes from WEBHOOK_DELIVERY_CONCURRENCY.
 */
@Injectable()
export class DeliveryConsumers implements OnModuleInit {
  private readonly logger = new Logger('DeliveryConsumers');

  constructor(
    @InjectQueue(DISPATCH_QUEUE) private readonly dispatchQueue: Queue<DispatchJob>,
    @InjectQueue(DELIVERY_QUEUE) private readonly deliveryQueue: Queue<DeliveryJob>,
    private readonly dispatcher: EventDispatcher,
    private readonly runner: DeliveryRunner,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.dispatchQueue
      .process(DISPATCH_CONCURRENCY, (job) => this.dispatcher.dispatch([job.data.eventId]).then(() => undefined))
      .catch((error: Error) => this.logger.error(`Dispatch consumer stopped: ${error.message}`));
    const slots = new SendSlots(this.config.webhookDeliveryConcurrency);
    this.deliveryQueue
      .process(this.config.webhookDeliveryConcurrency, async (job) => {
        const ids = job.data.deliveryIds ?? (job.data.deliveryId ? [job.data.deliveryId] : []);
        const results = await Promise.allSettled(ids.map((id) => slots.run(() => this.runner.run(id))));
        const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        // A delivery whose run threw keeps its lease until it expires; then the sweeper enqueues it again.
        if (failed) throw failed.reason;
      })
      .catch((error: Error) => this.logger.error(`Delivery consumer stopped: ${error.message}`));
  }
}
