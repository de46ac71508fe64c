import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { HubMetrics } from '@hub/operations';
import { PROVIDER_EVENTS_JOB_OPTIONS, PROVIDER_EVENTS_QUEUE, PROVIDER_EVENTS_SLICE_MS, ProviderEventsJob, providerEventsJobId } from './provider-events.queue';

/**
 * Tells the worker that provider events are waiting. Never throws: the events
 * are stored, and the sweeper signals for whatever is left pending.
 */
@Injectable()
export class ProviderEventsProducer implements OnModuleInit {
  private readonly logger = new Logger('ProviderEventsProducer');
  private lastSlice = -1;

  constructor(
    @InjectQueue(PROVIDER_EVENTS_QUEUE) private readonly queue: Queue<ProviderEventsJob>,
    private readonly metrics: HubMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.watchQueue(PROVIDER_EVENTS_QUEUE, () => this.queue.getJobCounts());
  }

  /** Called after events committed: the job of the current slice runs when the slice ends, after every commit signalled in it. */
  async signal(now = Date.now()): Promise<void> {
    const slice = Math.floor(now / PROVIDER_EVENTS_SLICE_MS);
    if (slice === this.lastSlice) return;
    this.lastSlice = slice;
    const delay = (slice + 1) * PROVIDER_EVENTS_SLICE_MS - now;
    await this.queue
      .add({ slice }, { ...PROVIDER_EVENTS_JOB_OPTIONS, jobId: providerEventsJobId(slice), delay })
      .then(() => undefined)
      .catch((error: Error) => {
        this.lastSlice = -1;
        this.logger.warn(`Signalling pending provider events failed; the sweeper will: ${error.message}`);
      });
  }
}
