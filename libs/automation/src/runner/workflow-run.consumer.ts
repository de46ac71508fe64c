import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '@hub/config';
import { WORKFLOW_RUN_QUEUE, WorkflowRunJob } from './workflow-run.queue';
import { WorkflowRunner } from './workflow-runner';

/** The worker's consumer of `workflow-run`; as many steps at once as deliveries (WEBHOOK_DELIVERY_CONCURRENCY). */
@Injectable()
export class WorkflowRunConsumer implements OnModuleInit {
  private readonly logger = new Logger('WorkflowRunConsumer');

  constructor(
    @InjectQueue(WORKFLOW_RUN_QUEUE) private readonly queue: Queue<WorkflowRunJob>,
    private readonly runner: WorkflowRunner,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.queue
      .process(this.config.webhookDeliveryConcurrency, (job) => this.runner.run(job.data.runId))
      .catch((error: Error) => this.logger.error(`Workflow run consumer stopped: ${error.message}`));
  }
}
