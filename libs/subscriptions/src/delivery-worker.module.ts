import { Module } from '@nestjs/common';
import { DeliveryConsumers } from './delivery/delivery.processors';
import { DeliveryRunner } from './delivery/delivery-runner';
import { DeliverySweeper } from './delivery/delivery-sweeper';
import { SubscriptionsCoreModule } from './subscriptions-core.module';

/** The worker side of the delivery engine: fan-out, attempts, and the sweeper that heals lost jobs. */
@Module({
  imports: [SubscriptionsCoreModule],
  providers: [DeliveryRunner, DeliverySweeper, DeliveryConsumers],
  exports: [DeliverySweeper],
})
export class DeliveryWorkerModule {}
