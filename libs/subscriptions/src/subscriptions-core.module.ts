import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeliveryAttempt } from './delivery/delivery-attempt.entity';
import { Delivery } from './delivery/delivery.entity';
import { EndpointCredentials } from './endpoints/endpoint-credentials';
import { Endpoint } from './endpoints/endpoint.entity';
import { DeliveryRollup, DeliveryRollupProgress } from './stats/delivery-rollup.entity';
import { EventDispatchQueueModule } from './queues/event-dispatch/event-dispatch-queue.module';
import { WebhookDeliveryQueueModule } from './queues/webhook-delivery/webhook-delivery-queue.module';
import { OutboundRequestBuilder } from './sending/outbound-request-builder';
import { WebhookSender } from './sending/webhook-sender';
import { DestinationGuard } from './ssrf/destination-guard';
import { EventDispatcher } from './delivery/event-dispatcher';
import { FormatContexts } from './formats/format-contexts';
import { PayloadRenderer } from './formats/payload-renderer';

/** What both the api and the worker need: entities, the two queues (one module each), signing and sending. */
@Module({
  imports: [TypeOrmModule.forFeature([Endpoint, Delivery, DeliveryAttempt, DeliveryRollup, DeliveryRollupProgress]), EventDispatchQueueModule, WebhookDeliveryQueueModule],
  providers: [EventDispatcher, WebhookSender, OutboundRequestBuilder, EndpointCredentials, DestinationGuard, FormatContexts, PayloadRenderer],
  exports: [
    TypeOrmModule,
    EventDispatchQueueModule,
    WebhookDeliveryQueueModule,
    EventDispatcher,
    WebhookSender,
    OutboundRequestBuilder,
    EndpointCredentials,
    DestinationGuard,
    FormatContexts,
    PayloadRenderer,
  ],
})
export class SubscriptionsCoreModule {}
