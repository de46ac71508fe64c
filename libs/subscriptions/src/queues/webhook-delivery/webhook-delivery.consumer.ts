import { InjectQueue } from '@nestjs/bull';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '@hub/config';
import { QueueConsumers } from '@hub/operations';
import { runAsItem } from '@hub/tracing';
import { DeliveryRunner } from '../../delivery/delivery-runner';
import { SendSlots } from '../../delivery/send-slots';
import { DELIVERY_QUEUE, DeliveryJob } from './webhook-delivery.queue';

/** The worker's consumer of `webhook-delivery`: WEBHOOK_DELIVERY_CONCURRENCY jobs, and as many sends, at once. */
@Injectable()
export class DeliveryConsumer implements OnModuleInit {
  constructor(
    @InjectQueue(DELIVERY_QUEUE) private readonly queue: Queue<DeliveryJob>,
    private readonly consumers: QueueConsumers,
    private readonly runner: DeliveryRunner,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const slots = new SendSlots(this.config.webhookDeliveryConcurrency);
    this.consumers.consume(this.queue, this.config.webhookDeliveryConcurrency, async (job) => {
      const ids = job.data.deliveryIds ?? (job.data.deliveryId ? [job.data.deliveryId] : []);
      // Each attempt in its own delivery's trace when the job carries several (tracing on).
      const results = await Promise.allSettled(ids.map((id, index) => slots.run(() => runAsItem(job, index, () => this.runner.run(id)))));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      // A delivery whose run threw keeps its lease until it expires; then the sweeper enqueues it again.
      if (failed) throw failed.reason;
    });
  }
}
