import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactsCoreModule } from '@hub/contacts';
import { MessagingCoreModule } from '@hub/messaging';
import { WorkModule } from '@hub/operations';
import { NodeEvent } from './events/node-event.entity';
import { NodeEventAppliers } from './events/node-event-appliers';
import { NodeEventRunner } from './events/node-event-runner';
import { WhatsappEventRetention } from './events/whatsapp-event-retention';
import { WhatsappEventQueueModule } from './queues/whatsapp-event/whatsapp-event-queue.module';
import { WhatsappEventConsumer } from './queues/whatsapp-event/whatsapp-event.consumer';
import { WhatsappEventSweep } from './queues/whatsapp-event/whatsapp-event.sweep';

/** The worker side: the `whatsapp-event` queue's consumer and sweep registration, the appliers, and the purge of old events. */
@Module({
  imports: [TypeOrmModule.forFeature([NodeEvent]), WhatsappEventQueueModule, MessagingCoreModule, ContactsCoreModule, WorkModule],
  providers: [NodeEventAppliers, NodeEventRunner, WhatsappEventConsumer, WhatsappEventSweep, WhatsappEventRetention],
})
export class WhatsappWorkerModule {}
