import { Module } from '@nestjs/common';
import { DeliveryStatsModule } from '@hub/subscriptions';
import { StatsController } from './stats.controller';

/** GET /api/stats/…: a thin controller over what subscriptions, inbound-log and operations export. */
@Module({
  imports: [DeliveryStatsModule],
  controllers: [StatsController],
})
export class StatsModule {}
