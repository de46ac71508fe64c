import { Module } from '@nestjs/common';
import { ChannelSecrets } from '@hub/channels';
import { SubscriptionsCoreModule } from '@hub/subscriptions';
import { MessagingCoreModule } from './messaging-core.module';
import { MessageSendConsumer } from './sending/message-send.consumer';
import { MessageSendRunner } from './sending/message-send-runner';
import { MessageSweeper } from './sending/message-sweeper';
import { ChannelTransports } from './transports/channel-transports';
import { EmailTransport } from './transports/email.transport';
import { SmsTransport } from './transports/sms.transport';
import { WhatsAppTransport } from './transports/whatsapp.transport';

/**
 * The worker side: the `message-send` consumer, the channel transports and the
 * sweeper that re-enqueues queued messages whose job vanished. ChannelSecrets is
 * provided here rather than importing ChannelsModule, whose admin routes must
 * not be served by a worker.
 */
@Module({
  imports: [MessagingCoreModule, SubscriptionsCoreModule],
  providers: [ChannelSecrets, EmailTransport, WhatsAppTransport, SmsTransport, ChannelTransports, MessageSendRunner, MessageSendConsumer, MessageSweeper],
  exports: [MessagingCoreModule, MessageSweeper],
})
export class MessagingWorkerModule {}
