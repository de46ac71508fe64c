import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '@hub/config';
import { TriggerRequestProcessor } from './trigger-request-processor';
import { TRIGGER_REQUEST_QUEUE, TriggerRequestJob } from './trigger-request.queue';

/** The worker's consumer of `workflow-trigger`; AUTOMATION_TRIGGER_CONCURRENCY at once. */
@Injectable()
export class TriggerRequestConsumer implements OnModuleInit {
  private readonly logger = new Logger('TriggerRequestConsumer');

  constructor(
    @InjectQueue(TRIGGER_REQUEST_QUEUE) private readonly queue: Queue<TriggerRequestJob>,
    private readonly processor: TriggerRequestProcessor,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.queue
      .process(this.config.automationTriggerConcurrency, (job) => this.processor.processAll(job.data.requestIds ?? (job.data.requestId ? [job.data.requestId] : [])))
      .catch((error: Error) => this.logger.error(`Trigger request consumer stopped: ${error.message}`));
  }
}
