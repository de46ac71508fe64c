import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { JobOptions, Queue } from 'bull';
import { RoundTripBatcher } from '@hub/database';
import { HubMetrics } from '@hub/operations';
import { JOB_OPTIONS } from '../runner/workflow-run.queue';
import { MAX_REQUESTS_PER_JOB, TRIGGER_REQUEST_QUEUE, TriggerRequestJob, triggerRequestJobId } from './trigger-request.queue';

export interface DueTriggerRequest {
  id: string;
  attempt_count: number;
  delayMs?: number;
}

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
    const single = (r: DueTriggerRequest): { data: TriggerRequestJob; opts: JobOptions } => ({
      data: { requestId: r.id },
      opts: { ...JOB_OPTIONS, jobId: triggerRequestJobId(r.id, r.attempt_count), delay: Math.max(0, Math.round(r.delayMs ?? 0)) },
    });
    const due = requests.filter((r) => !r.delayMs);
    const jobs = requests.filter((r) => r.delayMs).map(single);
    for (let i = 0; i < due.length; i += MAX_REQUESTS_PER_JOB) {
      const chunk = due.slice(i, i + MAX_REQUESTS_PER_JOB);
      const first = triggerRequestJobId(chunk[0].id, chunk[0].attempt_count);
      jobs.push(chunk.length === 1 ? single(chunk[0]) : { data: { requestIds: chunk.map((r) => r.id) }, opts: { ...JOB_OPTIONS, jobId: `${first}+${chunk.length}`, delay: 0 } });
    }
    // One job is one Redis command with add(); addBulk wraps even one in MULTI/EXEC.
    await (jobs.length === 1 ? this.queue.add(jobs[0].data, jobs[0].opts) : this.queue.addBulk(jobs))
      .then(() => undefined)
      .catch((error: Error) => this.logger.warn(`Enqueue of ${requests.length} trigger request(s) failed; the sweeper will retry: ${error.message}`));
    return batches.map(() => undefined);
  }
}
