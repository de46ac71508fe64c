import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { stampWithActiveTrace } from '@hub/tracing';
import { RoundTripBatcher } from '@hub/database';
import { addJobs, EnqueueBacklog, HubMetrics, QueuedWork, workJobs } from '@hub/operations';
import { JOB_OPTIONS, MAX_REQUESTS_PER_JOB, TRIGGER_REQUEST_QUEUE, TriggerRequestJob } from './workflow-trigger.queue';

export type DueTriggerRequest = QueuedWork;

// Requests waiting for Redis at most; past it, the sweeper enqueues them once Redis is back.
const MAX_WAITING_FOR_REDIS = 20_000;

/**
 * Puts stored trigger requests on Redis. Never throws: PostgreSQL already
 * holds the request, and the sweeper re-enqueues what a failed enqueue
 * (Redis down) left pending.
 */
@Injectable()
export class TriggerRequestProducer implements OnModuleInit {
  private readonly logger = new Logger('TriggerRequestProducer');
  private readonly enqueues = new RoundTripBatcher<DueTriggerRequest[], void>((batches) => this.add(batches), 500);
  private readonly backlog = new EnqueueBacklog(MAX_WAITING_FOR_REDIS, (waiting) =>
    this.logger.warn(`${waiting} trigger requests are waiting for Redis; newer ones are left to the sweeper until it answers`),
  );

  constructor(
    @InjectQueue(TRIGGER_REQUEST_QUEUE) private readonly queue: Queue<TriggerRequestJob>,
    private readonly metrics: HubMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.watchQueue(TRIGGER_REQUEST_QUEUE, () => this.queue.getJobCounts());
  }

  /**
   * Enqueues these requests; the calls of one event-loop turn share one Redis
   * round trip. While Redis is away the calls wait for it, up to
   * MAX_WAITING_FOR_REDIS requests; more are left to the sweeper. Tracing on,
   * each carries the trace of the request that stored it.
   */
  async enqueue(requests: DueTriggerRequest[]): Promise<void> {
    if (requests.length === 0) return;
    const traced = stampWithActiveTrace(requests);
    await this.backlog.admit(traced.length, () => this.enqueues.submit(traced));
  }

  private async add(batches: DueTriggerRequest[][]): Promise<void[]> {
    const requests = batches.flat();
    const jobs = workJobs<TriggerRequestJob>(requests, {
      one: (requestId) => ({ requestId }),
      many: (requestIds) => ({ requestIds }),
      max: MAX_REQUESTS_PER_JOB,
      options: JOB_OPTIONS,
    });
    await addJobs(this.queue, jobs).catch((error: Error) =>
      this.logger.warn(`Enqueue of ${requests.length} trigger request(s) failed; the sweeper will retry: ${error.message}`),
    );
    return batches.map(() => undefined);
  }
}
