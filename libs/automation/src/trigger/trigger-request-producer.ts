import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { RoundTripBatcher } from '@hub/database';
import { addJobs, HubMetrics, QueuedWork, workJobs } from '@hub/operations';
import { JOB_OPTIONS } from '../runner/workflow-run.queue';
import { MAX_REQUESTS_PER_JOB, TRIGGER_REQUEST_QUEUE, TriggerRequestJob } from './trigger-request.queue';

export type DueTriggerRequest = QueuedWork;

/**
 * Puts stored trigger requests on Redis. Never throws: PostgreSQL already
 * holds the request, and the run sweeper re-enqueues what a failed enqueue
 * (Redis down) left pending.
 */
@Injectable()
export class TriggerRequestProducer implements OnModuleInit {
  private readonly logger = new Logger('TriggerRequestProducer');
  private readonly enqueues = new RoundTripBatcher<DueTriggerRequest[], void>((batches) => this.add(batches), 500);

  constructor(
    @InjectQueue(TRIGGER_REQUEST_QUEUE) private readonly queue: Queue<TriggerRequestJob>,
    private readonly metrics: HubMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.watchQueue(TRIGGER_REQUEST_QUEUE, () => this.queue.getJobCounts());
  }

  /** Enqueues these requests; the calls of one event-loop turn share one Redis round trip. */
  async enqueue(requests: DueTriggerRequest[]): Promise<void> {
    if (requests.length === 0) return;
    await this.enqueues.submit(requests);
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
