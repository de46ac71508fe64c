import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QueueRootModule } from '@hub/operations';
import { ProviderEventsProducer } from './provider-events.producer';
import { PROVIDER_EVENTS_QUEUE, PROVIDER_EVENTS_QUEUE_SETTINGS } from './provider-events.queue';

/** The `provider-events` queue and its producer; the worker adds the folder's consumer and sweep. */
@Module({
  imports: [QueueRootModule, BullModule.registerQueue({ name: PROVIDER_EVENTS_QUEUE, settings: PROVIDER_EVENTS_QUEUE_SETTINGS })],
  providers: [ProviderEventsProducer],
  exports: [BullModule, ProviderEventsProducer],
})
export class ProviderEventsQueueModule {}
