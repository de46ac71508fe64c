import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { HubMetrics, QueuedWork } from '@hub/operations';
import { SNS_CONFIRMATION_JOB_OPTIONS, SNS_CONFIRMATION_QUEUE, SnsConfirmationJob, snsConfirmationJobId } from './sns-confirmation.queue';

export type DueConfirmation = QueuedWork;

/** Puts confirmation jobs on Redis. Never throws: the confirmation is stored, and the sweeper enqueues whatever this could not. */
@Injectable()
export class SnsConfirmationProducer implements OnModuleInit {
  private readonly logger = new Logger('SnsConfirmationProducer');

  constructor(
    @InjectQueue(SNS_CONFIRMATION_QUEUE) private readonly queue: Queue<SnsConfirmationJob>,
    private readonly metrics: HubMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.watchQueue(SNS_CONFIRMATION_QUEUE, () => this.queue.getJobCounts());
  }

  async enqueue(due: DueConfirmation[]): Promise<void> {
    if (due.length === 0) return;
    await this.queue
      .addBulk(
        due.map((item) => ({
          data: { confirmationId: item.id },
          opts: { ...SNS_CONFIRMATION_JOB_OPTIONS, jobId: snsConfirmationJobId(item.id, item.attempt_count), delay: Math.max(0, Math.round(item.delayMs ?? 0)) },
        })),
      )
      .catch((error: Error) => this.logger.warn(`Enqueue of ${due.length} SNS confirmation job(s) failed; the sweeper will retry: ${error.message}`));
  }
}
