import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QueueRootModule } from '@hub/operations';
import { SnsConfirmationProducer } from './sns-confirmation.producer';
import { SNS_CONFIRMATION_QUEUE, SNS_CONFIRMATION_QUEUE_SETTINGS } from './sns-confirmation.queue';

/** The `sns-confirmation` queue and its producer; the worker adds the folder's consumer and sweep. */
@Module({
  imports: [QueueRootModule, BullModule.registerQueue({ name: SNS_CONFIRMATION_QUEUE, settings: SNS_CONFIRMATION_QUEUE_SETTINGS })],
  providers: [SnsConfirmationProducer],
  exports: [BullModule, SnsConfirmationProducer],
})
export class SnsConfirmationQueueModule {}
