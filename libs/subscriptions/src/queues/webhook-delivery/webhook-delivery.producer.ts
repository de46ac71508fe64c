import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { RoundTripBatcher } from '@hub/database';
import { addJobs, EnqueueBacklog, HubMetrics, promoteDelayedJob, QueuedWork, workJobs } from '@hub/operations';
import { stampWithActiveTrace } from '@hub/tracing';
import type { Queue } from 'bull';
import { DELIVERY_QUEUE, DeliveryJob, deliveryJobId, JOB_OPTIONS, MAX_DELIVERIES_PER_JOB } from './webhook-delivery.queue';

export type DueDelivery = QueuedWork;

// Deliveries waiting for Redis at most (a few MB of job data); past it, the sweeper enqueues them once Redis is back.
const MAX_WAITING_FOR_REDIS = 20_000;

/**
 * Puts deliveries on Redis. Never throws: PostgreSQL already holds the work,
 * and the sweeper re-enqueues whatever a failed enqueue (Redis down) left behind.
 */
@Injectable()
export class DeliveryProducer implements OnModuleInit {
  private readonly logger = new Logger('DeliveryProducer');
  private readonly enqueues = new RoundTripBatcher<DueDelivery[], void>((batches) => this.enqueue(batches), 500);
  private readonly backlog = new EnqueueBacklog(MAX_WAITING_FOR_REDIS, (waiting) =>
    this.logger.warn(`${waiting} deliveries are waiting for Redis; newer ones are left to the sweeper until it answers`),
  );

  constructor(
    @InjectQueue(DELIVERY_QUEUE) private readonly queue: Queue<DeliveryJob>,
    private readonly metrics: HubMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.watchQueue(DELIVERY_QUEUE, () => this.queue.getJobCounts());
  }

  /**
   * Enqueues these deliveries; the calls of one event-loop turn share one
   * Redis round trip. While Redis is away the calls wait for it, up to
   * MAX_WAITING_FOR_REDIS deliveries; more are left to the sweeper. Tracing
   * on, each carries the trace of the caller (the request or job that stored it).
   */
  async deliver(deliveries: DueDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    const traced = stampWithActiveTrace(deliveries);
    await this.backlog.admit(traced.length, () => this.enqueues.submit(traced));
  }

  /** A delivery made due again now (an admin's retry): its delayed retry job, if Redis still holds one, runs now; else a new job. */
  async deliverNow(delivery: DueDelivery): Promise<void> {
    if (!(await promoteDelayedJob(this.queue, deliveryJobId(delivery.id, delivery.attempt_count)))) await this.deliver([delivery]);
  }

  private async enqueue(batches: DueDelivery[][]): Promise<void[]> {
    const deliveries = batches.flat();
    const jobs = workJobs<DeliveryJob>(deliveries, {
      one: (deliveryId) => ({ deliveryId }),
      many: (deliveryIds) => ({ deliveryIds }),
      max: MAX_DELIVERIES_PER_JOB,
      options: JOB_OPTIONS,
    });
    await addJobs(this.queue, jobs).catch((error: Error) =>
      this.logger.warn(`Enqueue of ${deliveries.length} delivery job(s) failed; the sweeper will retry: ${error.message}`),
    );
    return batches.map(() => undefined);
  }
}
