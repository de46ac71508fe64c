import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DestinationGuard } from '@hub/subscriptions';
import { Channel } from './channel.entity';
import { ChannelSecrets } from './channel-secrets';
import { ChannelStore } from './channel-store';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';

/**
 * The store without the admin routes, for any process (the worker sends
 * through channels but must never mount the controller). Other libs read
 * channels only through ChannelStore (or the ChannelDirectory it answers).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Channel])],
  providers: [ChannelStore],
  exports: [ChannelStore],
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
