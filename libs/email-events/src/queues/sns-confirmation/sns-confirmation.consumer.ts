import { InjectQueue } from '@nestjs/bull';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { QueueConsumers } from '@hub/operations';
import { SnsConfirmationRunner } from '../../ses/sns-confirmation-runner';
import { SNS_CONFIRMATION_CONCURRENCY, SNS_CONFIRMATION_QUEUE, SnsConfirmationJob } from './sns-confirmation.queue';

/** The worker's consumer of `sns-confirmation`: each job is one try of one confirmation, reloaded from PostgreSQL. */
@Injectable()
export class SnsConfirmationConsumer implements OnModuleInit {
  constructor(
    @InjectQueue(SNS_CONFIRMATION_QUEUE) private readonly queue: Queue<SnsConfirmationJob>,
    private readonly consumers: QueueConsumers,
    private readonly runner: SnsConfirmationRunner,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(this.queue, SNS_CONFIRMATION_CONCURRENCY, (job) => this.runner.run(job.data.confirmationId));
  }
}
