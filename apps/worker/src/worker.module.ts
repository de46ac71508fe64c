import { Module } from '@nestjs/common';
import { AutomationWorkerModule } from '@hub/automation';
import { DatabaseModule } from '@hub/database';
import { InboundLogRetentionModule } from '@hub/inbound-log';
import { MessagingWorkerModule } from '@hub/messaging';
import { EventsModule } from '@hub/events';
import { HubLoggerModule, OperationsModule, QueueRootModule } from '@hub/operations';
import { DeliveryAttemptRetentionModule, DeliveryWorkerModule } from '@hub/subscriptions';

/** Everything the worker process runs: Bull processors, plus health and metrics. */
@Module({
  imports: [HubLoggerModule, DatabaseModule, OperationsModule, QueueRootModule, EventsModule, InboundLogRetentionModule, DeliveryWorkerModule, DeliveryAttemptRetentionModule, MessagingWorkerModule, AutomationWorkerModule],
})
export class WorkerModule {}
