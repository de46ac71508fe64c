import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { RoundTripBatcher } from '@hub/database';
import { HubMetrics } from '@hub/operations';
import type { JobOptions, Queue } from 'bull';
import { DELIVERY_QUEUE, DeliveryJob, deliveryJobId, DISPATCH_QUEUE, DispatchJob, JOB_OPTIONS, MAX_DELIVERIES_PER_JOB } from './delivery.queue';

export interface DueDelivery {
  id: string;
  attempt_count: number;
  delayMs?: number;
}

/**
 * Puts work on Redis. Never throws: PostgreSQL already holds the work, and the
 * sweeper re-enqueues whatever a failed enqueue (Redis down) left behind.
 */
@Injectable()
export class DeliveryProducer implements OnModuleInit {
  private readonly logger = new Logger('DeliveryProducer');
  private readonly enqueues = new RoundTripBatcher<DueDelivery[], void>((batches) => this.enqueue(batches), 500);

  constructor(
    @InjectQueue(DISPATCH_QUEUE) private readonly dispatchQueue: Queue<DispatchJob>,
    @InjectQueue(DELIVERY_QUEUE) private readonly deliveryQueue: Queue<DeliveryJob>,
    private readonly metrics: HubMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.watchQueue(DISPATCH_QUEUE, () => this.dispatchQueue.getJobCounts());
    this.metrics.watchQueue(DELIVERY_QUEUE, () => this.deliveryQueue.getJobCounts());
  }

  async dispatchEvents(eventIds: string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.dispatchQueue
      .addBulk(eventIds.map((eventId) => ({ data: { eventId }, opts: { ...JOB_OPTIONS, jobId: eventId } })))
      .catch((error: Error) => this.logger.warn(`Enqueue of ${eventIds.length} event(s) failed; the sweeper will retry: ${error.message}`));
  }

  /** Enqueues these deliveries; the calls of one event-loop turn share one Redis round trip. */
  async deliver(deliveries: DueDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.enqueues.submit(deliveries);
  }

  private async enqueue(batches: DueDelivery[][]): Promise<void[]> {
    const deliveries = batches.flat();
    const single = (d: DueDelivery): { data: DeliveryJob; opts: JobOptions } => ({
      data: { deliveryId: d.id },
      opts: { ...JOB_OPTIONS, jobId: deliveryJobId(d.id, d.attempt_count), delay: Math.max(0, Math.round(d.delayMs ?? 0)) },
    });
    const due = deliveries.filter((d) => !d.delayMs);
    const jobs = deliveries.filter((d) => d.delayMs).map(single);
    for (let i = 0; i < due.length; i += MAX_DELIVERIES_PER_JOB) {
      const chunk = due.slice(i, i + MAX_DELIVERIES_PER_JOB);
      const first = deliveryJobId(chunk[0].id, chunk[0].attempt_count);
      jobs.push(chunk.length === 1 ? single(chunk[0]) : { data: { deliveryIds: chunk.map((d) => d.id) }, opts: { ...JOB_OPTIONS, jobId: `${first}+${chunk.length}`, delay: 0 } });
    }
    // One job is one Redis command with add(); addBulk wraps even one in MULTI/EXEC.
    await (jobs.length === 1 ? this.deliveryQueue.add(jobs[0].data, jobs[0].opts) : this.deliveryQueue.addBulk(jobs))
      .then(() => undefined)
      .catch((error: Error) => this.logger.warn(`Enqueue of ${deliveries.length} delivery job(s) failed; the sweeper will retry: ${error.message}`));
    return batches.map(() => undefined);
  }
}
