import { Module } from '@nestjs/common';
import { ChannelSecrets } from '@hub/channels';
import { WorkModule } from '@hub/operations';
import { SubscriptionsCoreModule } from '@hub/subscriptions';
import { MessagingCoreModule } from './messaging-core.module';
import { MessageSendConsumer } from './queues/message-send/message-send.consumer';
import { MessageSendSweep } from './queues/message-send/message-send.sweep';
import { ProviderEventsConsumer } from './queues/provider-events/provider-events.consumer';
import { ProviderEventsSweep } from './queues/provider-events/provider-events.sweep';
import { WhatsappConversations } from './messages/whatsapp-conversations';
import { ProviderEventRetention } from './provider-events/provider-event-retention';
import { MessageSendRunner } from './sending/message-send-runner';
import { ChannelTransports } from './transports/channel-transports';
import { EmailTransport } from './transports/email.transport';
import { SmsTransport } from './transports/sms.transport';
import { WhatsAppTransport } from './transports/whatsapp.transport';

/**
 * The worker side: the `message-send` queue's consumer and sweep registration,
 * and the channel transports. ChannelSecrets is
 * provided here rather than importing ChannelsModule, whose admin routes must
 * not be served by a worker.
 */
@Module({
  imports: [MessagingCoreModule, SubscriptionsCoreModule, WorkModule],
  providers: [ChannelSecrets, EmailTransport, WhatsAppTransport, SmsTransport, ChannelTransports, MessageSendRunner, MessageSendConsumer, MessageSendSweep, ProviderEventsConsumer, ProviderEventsSweep, WhatsappConversations, ProviderEventRetention],
  exports: [MessagingCoreModule, MessageSendSweep],
})
export class MessagingWorkerModule {}
