import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { HubMetrics, QueuedWork } from '@hub/operations';
import { SYSTEM_MAIL_JOB_OPTIONS, SYSTEM_MAIL_QUEUE, SystemMailJob, systemMailJobId } from './system-mail.queue';

export type DueSystemMail = QueuedWork;

/** Puts send jobs on Redis. Never throws: the mail is stored, and the sweeper enqueues whatever this could not. */
@Injectable()
export class SystemMailProducer implements OnModuleInit {
  private readonly logger = new Logger('SystemMailProducer');

  constructor(
    @InjectQueue(SYSTEM_MAIL_QUEUE) private readonly queue: Queue<SystemMailJob>,
    private readonly metrics: HubMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.watchQueue(SYSTEM_MAIL_QUEUE, () => this.queue.getJobCounts());
  }

  async enqueue(mails: DueSystemMail[]): Promise<void> {
    if (mails.length === 0) return;
    await this.queue
      .addBulk(
        mails.map((mail) => ({
          data: { mailId: mail.id },
          opts: { ...SYSTEM_MAIL_JOB_OPTIONS, jobId: systemMailJobId(mail.id, mail.attempt_count), delay: Math.max(0, Math.round(mail.delayMs ?? 0)) },
        })),
      )
      .catch((error: Error) => this.logger.warn(`Enqueue of ${mails.length} system mail job(s) failed; the sweeper will retry: ${error.message}`));
  }
}
