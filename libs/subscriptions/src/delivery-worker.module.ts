import { Module } from '@nestjs/common';
import { WorkModule } from '@hub/operations';
import { SystemMailModule } from '@hub/system-mail';
import { EndpointAlerts } from './alerts/endpoint-alerts';
import { DeliveryRunner } from './delivery/delivery-runner';
import { EventDispatchConsumer } from './queues/event-dispatch/event-dispatch.consumer';
import { EventDispatchSweep } from './queues/event-dispatch/event-dispatch.sweep';
import { DeliveryConsumer } from './queues/webhook-delivery/webhook-delivery.consumer';
import { DeliverySweep } from './queues/webhook-delivery/webhook-delivery.sweep';
import { DeliveryAttemptRetention } from './retention/delivery-attempt-retention';
import { SubscriptionsCoreModule } from './subscriptions-core.module';
import { DeliveryRollupQueueModule } from './queues/delivery-rollup/delivery-rollup-queue.module';
import { DeliveryRollupConsumer } from './queues/delivery-rollup/delivery-rollup.consumer';
import { DeliveryRollupSweep } from './queues/delivery-rollup/delivery-rollup.sweep';
import { DeliveryRollupRetention } from './retention/delivery-rollup-retention';
import { DeliveryRollups } from './stats/delivery-rollups';

/** The worker side of the delivery engine: fan-out and attempts (each queue's consumer and sweep), the failing-endpoint mails, attempt retention, and the stats rollup (its queue and purge). */
@Module({
  imports: [SubscriptionsCoreModule, WorkModule, SystemMailModule, DeliveryRollupQueueModule],
  providers: [
    EndpointAlerts,
    DeliveryRunner,
    EventDispatchConsumer,
    EventDispatchSweep,
    DeliveryConsumer,
    DeliverySweep,
    DeliveryAttemptRetention,
    DeliveryRollups,
    DeliveryRollupConsumer,
    DeliveryRollupSweep,
    DeliveryRollupRetention,
  ],
  exports: [DeliveryAttemptRetention, DeliveryRollups],
})
export class DeliveryWorkerModule {}
