import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QueueRootModule } from '@hub/operations';
import { WorkflowRunProducer } from './workflow-run.producer';
import { QUEUE_SETTINGS, WORKFLOW_RUN_QUEUE } from './workflow-run.queue';

/** The `workflow-run` queue and its producer; the worker adds the folder's consumer and sweep. */
@Module({
  imports: [QueueRootModule, BullModule.registerQueue({ name: WORKFLOW_RUN_QUEUE, settings: QUEUE_SETTINGS })],
  providers: [WorkflowRunProducer],
  exports: [BullModule, WorkflowRunProducer],
})
export class WorkflowRunQueueModule {}
