import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QueueRootModule } from '@hub/operations';
import { LeadCaptureProducer } from './lead-capture.producer';
import { LEAD_CAPTURE_QUEUE, LEAD_QUEUE_SETTINGS } from './lead-capture.queue';

/** The `lead-capture` queue and its producer; the worker adds the folder's consumer and sweep. */
@Module({
  imports: [QueueRootModule, BullModule.registerQueue({ name: LEAD_CAPTURE_QUEUE, settings: LEAD_QUEUE_SETTINGS })],
  providers: [LeadCaptureProducer],
  exports: [BullModule, LeadCaptureProducer],
})
export class LeadCaptureQueueModule {}
