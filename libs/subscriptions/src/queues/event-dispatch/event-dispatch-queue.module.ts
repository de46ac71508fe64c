import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QueueRootModule } from '@hub/operations';
import { EventDispatchProducer } from './event-dispatch.producer';
import { DISPATCH_QUEUE, DISPATCH_QUEUE_SETTINGS } from './event-dispatch.queue';

/** The `event-dispatch` queue and its producer; the worker adds the folder's consumer and sweep. */
@Module({
  imports: [QueueRootModule, BullModule.registerQueue({ name: DISPATCH_QUEUE, settings: DISPATCH_QUEUE_SETTINGS })],
  providers: [EventDispatchProducer],
  exports: [BullModule, EventDispatchProducer],
})
export class EventDispatchQueueModule {}
