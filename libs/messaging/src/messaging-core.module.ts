import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelsCoreModule } from '@hub/channels';
import { ContactsCoreModule } from '@hub/contacts';
import { QueueRootModule } from '@hub/operations';
import { Message } from './messages/message.entity';
import { MessageQueue } from './messages/message-queue';
import { MESSAGE_QUEUE_SETTINGS, MESSAGE_SEND_QUEUE } from './sending/message-send.queue';
import { MessageProducer } from './sending/message-producer';
import { TemplateRenderer } from './templates/template-renderer';
import { UnsubscribeLinks } from './unsubscribe/unsubscribe-links';

/**
 * What every process that queues messages needs (the api's send API, the
 * worker's workflow steps): MessageQueue, the send queue's producer, Liquid
 * rendering and unsubscribe links. No controllers, so the worker can import it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Message]), ChannelsCoreModule, ContactsCoreModule, QueueRootModule, BullModule.registerQueue({ name: MESSAGE_SEND_QUEUE, settings: MESSAGE_QUEUE_SETTINGS })],
  providers: [MessageQueue, MessageProducer, TemplateRenderer, UnsubscribeLinks],
  exports: [TypeOrmModule, ChannelsCoreModule, ContactsCoreModule, BullModule, MessageQueue, MessageProducer, TemplateRenderer, UnsubscribeLinks],
})
export class MessagingCoreModule {}
