import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelsCoreModule } from '@hub/channels';
import { ContactsCoreModule } from '@hub/contacts';
import { GroupsCoreModule } from '@hub/groups';
import { Message } from './messages/message.entity';
import { MessageQueue } from './messages/message-queue';
import { MessageProviderEvents } from './provider-events/message-provider-events';
import { MessageProviderEvent } from './provider-events/provider-event.entity';
import { ProviderEventsQueueModule } from './queues/provider-events/provider-events-queue.module';
import { ReportedMessages } from './reported/reported-messages';
import { MessageSendQueueModule } from './queues/message-send/message-send-queue.module';
import { TemplateRenderer } from './templates/template-renderer';
import { UnsubscribeLinks } from './unsubscribe/unsubscribe-links';

/**
 * What every process that queues messages needs (the api's send API, the
 * worker's workflow steps): MessageQueue, the send queue's producer, Liquid
 * rendering, unsubscribe links, the messages the WhatsApp node reports
 * (ReportedMessages), and the store of provider events (ESP webhooks,
 * WhatsApp statuses) with its queue's producer. No controllers, so the worker can import it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Message, MessageProviderEvent]), ChannelsCoreModule, ContactsCoreModule, GroupsCoreModule, MessageSendQueueModule, ProviderEventsQueueModule],
  providers: [MessageQueue, ReportedMessages, TemplateRenderer, UnsubscribeLinks, MessageProviderEvents],
  exports: [
    TypeOrmModule,
    ChannelsCoreModule,
    ContactsCoreModule,
    MessageSendQueueModule,
    ProviderEventsQueueModule,
    MessageQueue,
    ReportedMessages,
    TemplateRenderer,
    UnsubscribeLinks,
    MessageProviderEvents,
  ],
})
export class MessagingCoreModule {}
