import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { RoundTripBatcher } from '@hub/database';
import { addJobs, HubMetrics, QueuedWork, workJobs } from '@hub/operations';
import { MAX_EVENTS_PER_JOB, WHATSAPP_EVENT_JOB_OPTIONS, WHATSAPP_EVENT_QUEUE, WhatsappEventJob } from './whatsapp-event.queue';

export type DueNodeEvent = QueuedWork;

/**
 * How long the first enqueue of a batch waits for more. The intake stores a
 * few requests per statement; gathering the statements of 20 ms into one job
 * makes the worker's transactions (a dozen round trips each, whatever their
 * size) carry several times more events: in the CPU probe, ~6 events per
 * transaction without it, ~11 at 5 ms, ~22 at 20 ms, and the worker's CPU per
 * event 920 → 760 → 480 µs. Events are applied that much later; nothing
 * waits on that but the subscribers.
 */
const ENQUEUE_LINGER_MS = 20;

/** Puts apply jobs on Redis (a retry alone, `<id>:<attempts so far>`; events stored together share one). Never throws: the event is stored, and the sweeper enqueues whatever this could not. */
@Injectable()
export class WhatsappEventProducer implements OnModuleInit {
  private readonly logger = new Logger('WhatsappEventProducer');
  private readonly enqueues = new RoundTripBatcher<DueNodeEvent[], void>((batches) => this.add(batches), 500, ENQUEUE_LINGER_MS);

  constructor(
    @InjectQueue(WHATSAPP_EVENT_QUEUE) private readonly queue: Queue<WhatsappEventJob>,
    private readonly metrics: HubMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.watchQueue(WHATSAPP_EVENT_QUEUE, () => this.queue.getJobCounts());
  }

  async enqueue(events: DueNodeEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.enqueues.submit(events);
  }

  private async add(batches: DueNodeEvent[][]): Promise<void[]> {
    const events = batches.flat();
    const jobs = workJobs<WhatsappEventJob>(events, {
      one: (eventId) => ({ eventId }),
      many: (eventIds) => ({ eventIds }),
      max: MAX_EVENTS_PER_JOB,
      options: WHATSAPP_EVENT_JOB_OPTIONS,
    });
    await addJobs(this.queue, jobs).catch((error: Error) => this.logger.warn(`Enqueue of ${events.length} WhatsApp event job(s) failed; the sweeper will retry: ${error.message}`));
    return batches.map(() => undefined);
  }
}
