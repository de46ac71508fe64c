import { Module } from '@nestjs/common';
import { SubscriptionsCoreModule } from '../subscriptions-core.module';
import { DeliveriesController } from './deliveries.controller';
import { EndpointRecoveryController } from './endpoint-recovery.controller';
import { DeliveryLogQueryService } from './delivery-log-query.service';
import { DeliveryRequeueService } from './delivery-requeue.service';

/** Admin routes over deliveries (api process): the log, retry now, recover an endpoint's failures. */
@Module({
  // SubscriptionsCoreModule exports the delivery producer, which brings a delayed attempt forward on retry.
  imports: [SubscriptionsCoreModule],
  controllers: [DeliveriesController, EndpointRecoveryController],
  providers: [DeliveryLogQueryService, DeliveryRequeueService],
})
export class DeliveryLogsModule {}
