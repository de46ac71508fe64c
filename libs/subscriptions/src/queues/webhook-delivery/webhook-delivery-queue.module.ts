import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QueueRootModule } from '@hub/operations';
import { DeliveryProducer } from './webhook-delivery.producer';
import { DELIVERY_QUEUE, QUEUE_SETTINGS } from './webhook-delivery.queue';

/** The `webhook-delivery` queue and its producer; the worker adds the folder's consumer and sweep. */
@Module({
  imports: [QueueRootModule, BullModule.registerQueue({ name: DELIVERY_QUEUE, settings: QUEUE_SETTINGS })],
  providers: [DeliveryProducer],
  exports: [BullModule, DeliveryProducer],
})
export class WebhookDeliveryQueueModule {}
