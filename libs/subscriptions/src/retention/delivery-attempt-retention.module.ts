import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { DeliveryAttemptRetentionProcessor } from './delivery-attempt-retention.processor';
import { DELIVERY_ATTEMPT_RETENTION_QUEUE } from './delivery-attempt-retention.queue';

/** Worker side: the hourly purge of delivery attempts past LOG_RETENTION_DAYS. */
@Module({
  imports: [BullModule.registerQueue({ name: DELIVERY_ATTEMPT_RETENTION_QUEUE })],
  providers: [DeliveryAttemptRetentionProcessor],
  exports: [DeliveryAttemptRetentionProcessor],
})
export class DeliveryAttemptRetentionModule {}
