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

/** The worker side of the delivery engine: fan-out and attempts (each queue's consumer and sweep), the failing-endpoint mails, and attempt retention. */
@Module({
  imports: [SubscriptionsCoreModule, WorkModule, SystemMailModule],
  providers: [EndpointAlerts, DeliveryRunner, EventDispatchConsumer, EventDispatchSweep, DeliveryConsumer, DeliverySweep, DeliveryAttemptRetention],
  exports: [DeliveryAttemptRetention],
})
export class DeliveryWorkerModule {}
