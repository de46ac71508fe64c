import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueRootModule } from '@hub/operations';
import { DeliveryAttempt } from './delivery/delivery-attempt.entity';
import { Delivery } from './delivery/delivery.entity';
import { DELIVERY_QUEUE, DISPATCH_QUEUE, QUEUE_SETTINGS } from './delivery/delivery.queue';
import { DeliveryProducer } from './delivery/delivery-producer';
import { EndpointCredentials } from './endpoints/endpoint-credentials';
import { Endpoint } from './endpoints/endpoint.entity';
import { OutboundRequestBuilder } from './sending/outbound-request-builder';
import { WebhookSender } from './sending/webhook-sender';
import { DestinationGuard } from './ssrf/destination-guard';
import { EventDispatcher } from './delivery/event-dispatcher';

/** What both the api and the worker need: entities, queues, signing and sending. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Endpoint, Delivery, DeliveryAttempt]),
    QueueRootModule,
    BullModule.registerQueue({ name: DISPATCH_QUEUE, settings: QUEUE_SETTINGS }, { name: DELIVERY_QUEUE, settings: QUEUE_SETTINGS }),
  ],
  providers: [EventDispatcher, DeliveryProducer, WebhookSender, OutboundRequestBuilder, EndpointCredentials, DestinationGuard],
  exports: [TypeOrmModule, BullModule, EventDispatcher, DeliveryProducer, WebhookSender, OutboundRequestBuilder, EndpointCredentials, DestinationGuard],
})
export class SubscriptionsCoreModule {}
