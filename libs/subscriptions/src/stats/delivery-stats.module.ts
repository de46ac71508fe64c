import { Module } from '@nestjs/common';
import { DeliveryBacklog } from './delivery-backlog';
import { DeliveryStats } from './delivery-stats';

/** The delivery figures the stats API composes (api process): outcome series, endpoint health, and the deliveries backlog. */
@Module({
  providers: [DeliveryStats, DeliveryBacklog],
  exports: [DeliveryStats],
})
export class DeliveryStatsModule {}
