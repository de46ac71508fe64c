import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DestinationGuard } from '@hub/subscriptions';
import { Channel } from './channel.entity';
import { ChannelSecrets } from './channel-secrets';
import { ChannelStore } from './channel-store';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';
import { EmailWebhookKeyring } from './email-webhook-keys';
import { WhatsappSessions } from './whatsapp-sessions';

/**
 * The store without the admin routes, for any process (the worker sends
 * through channels but must never mount the controller). Other libs read
 * channels only through ChannelStore (or the ChannelDirectory it answers),
 * and the ESP webhook route through EmailWebhookKeyring.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Channel])],
  providers: [ChannelStore, ChannelSecrets, EmailWebhookKeyring, WhatsappSessions],
  exports: [ChannelStore, EmailWebhookKeyring, WhatsappSessions],
})
export class ChannelsCoreModule {}

/** The admin routes (api process). */
@Module({
  imports: [TypeOrmModule.forFeature([Channel]), ChannelsCoreModule],
  controllers: [ChannelsController],
  providers: [ChannelsService, ChannelSecrets, DestinationGuard],
  exports: [ChannelsService, ChannelSecrets, ChannelsCoreModule],
})
export class ChannelsModule {}
