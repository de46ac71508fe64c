import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { HubMetrics, QueuedWork } from '@hub/operations';
import { MESSAGE_JOB_OPTIONS, MESSAGE_SEND_QUEUE, MessageSendJob, messageSendJobId } from './message-send.queue';

export type DueMessage = QueuedWork;

/**
 * Puts send jobs on Redis. Never throws: PostgreSQL already holds the queued
 * message, and the sweeper re-enqueues whatever a failed enqueue left behind.
 */
@Injectable()
export class MessageProducer implements OnModuleInit {
  private readonly logger = new Logger('MessageProducer');

  constructor(
    @InjectQueue(MESSAGE_SEND_QUEUE) private readonly queue: Queue<MessageSendJob>,
    private readonly metrics: HubMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.watchQueue(MESSAGE_SEND_QUEUE, () => this.queue.getJobCounts());
  }

  async send(messages: DueMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.queue
      .addBulk(
        messages.map((m) => ({
          data: { messageId: m.id },
          opts: { ...MESSAGE_JOB_OPTIONS, jobId: messageSendJobId(m.id, m.attempt_count), delay: Math.max(0, Math.round(m.delayMs ?? 0)) },
        })),
      )
      .catch((error: Error) => this.logger.warn(`Enqueue of ${messages.length} message job(s) failed; the sweeper will retry: ${error.message}`));
  }
}
