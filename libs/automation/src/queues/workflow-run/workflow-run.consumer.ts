import { InjectQueue } from '@nestjs/bull';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '@hub/config';
import { QueueConsumers } from '@hub/operations';
import { WorkflowRunner } from '../../runner/workflow-runner';
import { WORKFLOW_RUN_QUEUE, WorkflowRunJob } from './workflow-run.queue';

/** The worker's consumer of `workflow-run`; as many steps at once as deliveries (WEBHOOK_DELIVERY_CONCURRENCY). */
@Injectable()
export class WorkflowRunConsumer implements OnModuleInit {
  constructor(
    @InjectQueue(WORKFLOW_RUN_QUEUE) private readonly queue: Queue<WorkflowRunJob>,
    private readonly consumers: QueueConsumers,
    private readonly runner: WorkflowRunner,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(this.queue, this.config.webhookDeliveryConcurrency, (job) => this.runner.run(job.data.runId));
  }
}
