import { InjectQueue } from '@nestjs/bull';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '@hub/config';
import { QueueConsumers } from '@hub/operations';
import { TriggerRequestProcessor } from '../../trigger/trigger-request-processor';
import { TRIGGER_REQUEST_QUEUE, TriggerRequestJob } from './workflow-trigger.queue';

/** The worker's consumer of `workflow-trigger`; AUTOMATION_TRIGGER_CONCURRENCY at once. */
@Injectable()
export class TriggerRequestConsumer implements OnModuleInit {
  constructor(
    @InjectQueue(TRIGGER_REQUEST_QUEUE) private readonly queue: Queue<TriggerRequestJob>,
    private readonly consumers: QueueConsumers,
    private readonly processor: TriggerRequestProcessor,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(this.queue, this.config.automationTriggerConcurrency, (job) =>
      this.processor.processAll(job.data.requestIds ?? (job.data.requestId ? [job.data.requestId] : [])),
    );
  }
}
