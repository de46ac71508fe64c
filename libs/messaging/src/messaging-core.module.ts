import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelsCoreModule } from '@hub/channels';
import { ContactsCoreModule } from '@hub/contacts';
import { Message } from './messages/message.entity';
import { MessageQueue } from './messages/message-queue';
import { MessageSendQueueModule } from './queues/message-send/message-send-queue.module';
import { TemplateRenderer } from './templates/template-renderer';
import { UnsubscribeLinks } from './unsubscribe/unsubscribe-links';

/**
 * What every process that queues messages needs (the api's send API, the
 * worker's workflow steps): MessageQueue, the send queue's producer, Liquid
 * rendering and unsubscribe links. No controllers, so the worker can import it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Message]), ChannelsCoreModule, ContactsCoreModule, MessageSendQueueModule],
  providers: [MessageQueue, TemplateRenderer, UnsubscribeLinks],
  exports: [TypeOrmModule, ChannelsCoreModule, ContactsCoreModule, MessageSendQueueModule, MessageQueue, TemplateRenderer, UnsubscribeLinks],
})
export class MessagingCoreModule {}
