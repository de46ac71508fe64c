import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { InboundLogRetentionProcessor } from './inbound-log-retention.processor';
import { INBOUND_LOG_RETENTION_QUEUE } from './inbound-log-retention.queue';

@Module({
  imports: [BullModule.registerQueue({ name: INBOUND_LOG_RETENTION_QUEUE })],
  providers: [InboundLogRetentionProcessor],
  exports: [InboundLogRetentionProcessor],
})
export class InboundLogRetentionModule {}
