import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { HubMetrics } from '@hub/operations';
import { DISPATCH_JOB_OPTIONS, DISPATCH_QUEUE, DispatchJob } from './event-dispatch.queue';

/** Puts undispatched events on Redis. Never throws: the events stay undispatched in PostgreSQL, and the sweeper finds them again. */
@Injectable()
export class EventDispatchProducer implements OnModuleInit {
  private readonly logger = new Logger('EventDispatchProducer');

  constructor(
    @InjectQueue(DISPATCH_QUEUE) private readonly queue: Queue<DispatchJob>,
    private readonly metrics: HubMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.watchQueue(DISPATCH_QUEUE, () => this.queue.getJobCounts());
  }

  async dispatch(eventIds: string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.queue
      .addBulk(eventIds.map((eventId) => ({ data: { eventId }, opts: { ...DISPATCH_JOB_OPTIONS, jobId: eventId } })))
      .catch((error: Error) => this.logger.warn(`Enqueue of ${eventIds.length} event(s) failed; the sweeper will retry: ${error.message}`));
  }
}
