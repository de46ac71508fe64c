import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QueueRootModule } from '@hub/operations';
import { WhatsappEventProducer } from './whatsapp-event.producer';
import { WHATSAPP_EVENT_QUEUE, WHATSAPP_EVENT_QUEUE_SETTINGS } from './whatsapp-event.queue';

/** The `whatsapp-event` queue and its producer; the worker adds the folder's consumer and sweep. */
@Module({
  imports: [QueueRootModule, BullModule.registerQueue({ name: WHATSAPP_EVENT_QUEUE, settings: WHATSAPP_EVENT_QUEUE_SETTINGS })],
  providers: [WhatsappEventProducer],
  exports: [BullModule, WhatsappEventProducer],
})
export class WhatsappEventQueueModule {}
