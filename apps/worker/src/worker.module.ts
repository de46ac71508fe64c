import { Module } from '@nestjs/common';
import { DatabaseModule } from '@hub/database';
import { InboundLogRetentionModule } from '@hub/inbound-log';
import { HubLoggerModule, OperationsModule, QueueRootModule } from '@hub/operations';

/** Everything the worker process runs: Bull processors, plus health and metrics. */
@Module({
  imports: [HubLoggerModule, DatabaseModule, OperationsModule, QueueRootModule, InboundLogRetentionModule],
})
export class WorkerModule {}
