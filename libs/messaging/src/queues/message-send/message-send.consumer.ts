import { InjectQueue } from '@nestjs/bull';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { QueueConsumers } from '@hub/operations';
import { MessageSendRunner } from '../../sending/message-send-runner';
import { MESSAGE_SEND_CONCURRENCY, MESSAGE_SEND_QUEUE, MessageSendJob } from './message-send.queue';

/** The worker's consumer of `message-send`: each job is one try of one message, reloaded from PostgreSQL. */
@Injectable()
export class MessageSendConsumer implements OnModuleInit {
  constructor(
    @InjectQueue(MESSAGE_SEND_QUEUE) private readonly queue: Queue<MessageSendJob>,
    private readonly consumers: QueueConsumers,
    private readonly runner: MessageSendRunner,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(this.queue, MESSAGE_SEND_CONCURRENCY, (job) => this.runner.run(job.data.messageId));
  }
}
