import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QueueRootModule } from '@hub/operations';
import { DeliveryRollupProducer } from './delivery-rollup.producer';
import { ROLLUP_QUEUE, ROLLUP_QUEUE_SETTINGS } from './delivery-rollup.queue';

/** The `delivery-rollup` queue and its producer; the worker adds the folder's consumer and sweep. */
@Module({
  imports: [QueueRootModule, BullModule.registerQueue({ name: ROLLUP_QUEUE, settings: ROLLUP_QUEUE_SETTINGS })],
  providers: [DeliveryRollupProducer],
  exports: [BullModule, DeliveryRollupProducer],
})
export class DeliveryRollupQueueModule {}
