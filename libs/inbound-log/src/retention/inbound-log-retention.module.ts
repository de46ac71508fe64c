import { Module } from '@nestjs/common';
import { WorkModule } from '@hub/operations';
import { InboundLogRetention } from './inbound-log-retention';

/** Worker side: registers the hourly purge of inbound log rows past LOG_RETENTION_DAYS. */
@Module({
  imports: [WorkModule],
  providers: [InboundLogRetention],
  exports: [InboundLogRetention],
})
export class InboundLogRetentionModule {}
