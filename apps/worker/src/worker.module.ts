import { Module } from '@nestjs/common';
import { AccountsWorkerModule } from '@hub/accounts';
import { AutomationWorkerModule } from '@hub/automation';
import { DatabaseModule } from '@hub/database';
import { EmailEventsWorkerModule } from '@hub/email-events';
import { InboundLogRetentionModule } from '@hub/inbound-log';
import { LeadsWorkerModule } from '@hub/leads';
import { WhatsappWorkerModule } from '@hub/whatsapp';
import { MessagingWorkerModule } from '@hub/messaging';
import { EventsModule } from '@hub/events';
import { HubLoggerModule, OperationsModule, QueueRootModule } from '@hub/operations';
import { DeliveryWorkerModule } from '@hub/subscriptions';
import { SystemMailWorkerModule } from '@hub/system-mail';

/**
 * Everything the worker process runs: each queue's consumer, the sweeper and
 * the purges (WorkModule, which refuses to boot a worker with a queue nobody
 * consumes), plus health and metrics.
 */
@Module({
  imports: [HubLoggerModule, DatabaseModule, OperationsModule, QueueRootModule, EventsModule, InboundLogRetentionModule, DeliveryWorkerModule, MessagingWorkerModule, AutomationWorkerModule, LeadsWorkerModule, EmailEventsWorkerModule, SystemMailWorkerModule, AccountsWorkerModule, WhatsappWorkerModule],
})
export class WorkerModule {}
