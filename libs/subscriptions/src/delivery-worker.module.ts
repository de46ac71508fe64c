import { Module } from '@nestjs/common';
import { DeliveryConsumers } from './delivery/delivery.processors';
import { DeliveryRunner } from './delivery/delivery-runner';
import { DeliverySweeper } from './delivery/delivery-sweeper';
import { EventDispatcher } from './delivery/event-dispatcher';
import { SubscriptionsCoreModule } from './subscriptions-core.module';

/** The worker side of the delivery engine: fan-out, attempts, and the sweeper that heals lost jobs. */
@Module({
  imports: [SubscriptionsCoreModule],
  providers: [EventDispatcher, DeliveryRunner, DeliverySweeper, DeliveryConsumers],
  exports: [DeliverySweeper, EventDispatcher],
})
export class DeliveryWorkerModule {}
