import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QueueRootModule } from '@hub/operations';
import { TriggerRequestProducer } from './workflow-trigger.producer';
import { QUEUE_SETTINGS, TRIGGER_REQUEST_QUEUE } from './workflow-trigger.queue';

/** The `workflow-trigger` queue and its producer; the worker adds the folder's consumer and sweep. */
@Module({
  imports: [QueueRootModule, BullModule.registerQueue({ name: TRIGGER_REQUEST_QUEUE, settings: QUEUE_SETTINGS })],
  providers: [TriggerRequestProducer],
  exports: [BullModule, TriggerRequestProducer],
})
export class WorkflowTriggerQueueModule {}
