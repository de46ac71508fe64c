import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { MESSAGE_SEND_CONCURRENCY, MESSAGE_SEND_QUEUE, MessageSendJob } from './message-send.queue';
import { MessageSendRunner } from './message-send-runner';

/** The worker's consumer of `message-send`: each job is one try of one message, reloaded from PostgreSQL. */
@Injectable()
export class MessageSendConsumer implements OnModuleInit {
  private readonly logger = new Logger('MessageSendConsumer');

  constructor(
    @InjectQueue(MESSAGE_SEND_QUEUE) private readonly queue: Queue<MessageSendJob>,
    private readonly runner: MessageSendRunner,
  ) {}

  onModuleInit(): void {
    this.queue
      .process(MESSAGE_SEND_CONCURRENCY, (job) => this.runner.run(job.data.messageId))
      .catch((error: Error) => this.logger.error(`Message send consumer stopped: ${error.message}`));
  }
}
