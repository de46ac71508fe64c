import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QueueRootModule } from '@hub/operations';
import { MessageProducer } from './message-send.producer';
import { MESSAGE_QUEUE_SETTINGS, MESSAGE_SEND_QUEUE } from './message-send.queue';

/** The `message-send` queue and its producer; the worker adds the folder's consumer and sweep. */
@Module({
  imports: [QueueRootModule, BullModule.registerQueue({ name: MESSAGE_SEND_QUEUE, settings: MESSAGE_QUEUE_SETTINGS })],
  providers: [MessageProducer],
  exports: [BullModule, MessageProducer],
})
export class MessageSendQueueModule {}
