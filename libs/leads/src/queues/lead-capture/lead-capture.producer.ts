import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { HubMetrics, QueuedWork } from '@hub/operations';
import { LEAD_CAPTURE_QUEUE, LEAD_JOB_OPTIONS, LeadCaptureJob, leadCaptureJobId } from './lead-capture.queue';

export type DueLead = QueuedWork;

/** Puts capture jobs on Redis. Never throws: the lead is stored, and the sweeper enqueues whatever this could not. */
@Injectable()
export class LeadCaptureProducer implements OnModuleInit {
  private readonly logger = new Logger('LeadCaptureProducer');

  constructor(
    @InjectQueue(LEAD_CAPTURE_QUEUE) private readonly queue: Queue<LeadCaptureJob>,
    private readonly metrics: HubMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.watchQueue(LEAD_CAPTURE_QUEUE, () => this.queue.getJobCounts());
  }

  async enqueue(leads: DueLead[]): Promise<void> {
    if (leads.length === 0) return;
    await this.queue
      .addBulk(
        leads.map((lead) => ({
          data: { leadId: lead.id },
          opts: { ...LEAD_JOB_OPTIONS, jobId: leadCaptureJobId(lead.id, lead.attempt_count), delay: Math.max(0, Math.round(lead.delayMs ?? 0)) },
        })),
      )
      .catch((error: Error) => this.logger.warn(`Enqueue of ${leads.length} lead capture job(s) failed; the sweeper will retry: ${error.message}`));
  }
}
