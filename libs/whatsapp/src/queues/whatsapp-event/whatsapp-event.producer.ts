import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { HubMetrics, QueuedWork } from '@hub/operations';
import { WHATSAPP_EVENT_JOB_OPTIONS, WHATSAPP_EVENT_QUEUE, WhatsappEventJob, whatsappEventJobId } from './whatsapp-event.queue';

export type DueNodeEvent = QueuedWork;

/** Puts apply jobs on Redis. Never throws: the event is stored, and the sweeper enqueues whatever this could not. */
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
    await this.queue
      .addBulk(
        events.map((event) => ({
          data: { eventId: event.id },
          opts: { ...WHATSAPP_EVENT_JOB_OPTIONS, jobId: whatsappEventJobId(event.id, event.attempt_count), delay: Math.max(0, Math.round(event.delayMs ?? 0)) },
        })),
      )
      .catch((error: Error) => this.logger.warn(`Enqueue of ${events.length} WhatsApp event job(s) failed; the sweeper will retry: ${error.message}`));
  }
}
