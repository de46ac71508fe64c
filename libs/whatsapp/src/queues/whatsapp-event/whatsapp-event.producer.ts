import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { addJobs, HubMetrics, QueuedWork, workJobs } from '@hub/operations';
import { MAX_EVENTS_PER_JOB, WHATSAPP_EVENT_JOB_OPTIONS, WHATSAPP_EVENT_QUEUE, WhatsappEventJob } from './whatsapp-event.queue';

export type DueNodeEvent = QueuedWork;

/** Puts apply jobs on Redis (a retry alone, `<id>:<attempts so far>`; events stored together share one). Never throws: the event is stored, and the sweeper enqueues whatever this could not. */
@Injectable()
export class WhatsappEventProducer implements OnModuleInit {
  private readonly logger = new Logger('WhatsappEventProducer');

  constructor(
    @InjectQueue(WHATSAPP_EVENT_QUEUE) private readonly queue: Queue<WhatsappEventJob>,
    private readonly metrics: HubMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.watchQueue(WHATSAPP_EVENT_QUEUE, () => this.queue.getJobCounts());
  }

  async enqueue(events: DueNodeEvent[]): Promise<void> {
    if (events.length === 0) return;
    const jobs = workJobs<WhatsappEventJob>(events, {
      one: (eventId) => ({ eventId }),
      many: (eventIds) => ({ eventIds }),
      max: MAX_EVENTS_PER_JOB,
      options: WHATSAPP_EVENT_JOB_OPTIONS,
    });
    await addJobs(this.queue, jobs).catch((error: Error) => this.logger.warn(`Enqueue of ${events.length} WhatsApp event job(s) failed; the sweeper will retry: ${error.message}`));
  }
}
