import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DestinationGuard } from '@hub/subscriptions';
import { Channel } from './channel.entity';
import { ChannelSecrets } from './channel-secrets';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';

@Module({
  imports: [TypeOrmModule.forFeature([Channel])],
  controllers: [ChannelsController],
  providers: [ChannelsService, ChannelSecrets, DestinationGuard],
  exports: [ChannelsService, ChannelSecrets],
})
export class ChannelsModule {}
