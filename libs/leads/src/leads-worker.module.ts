import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AutomationCoreModule } from '@hub/automation';
import { ContactsCoreModule } from '@hub/contacts';
import { WorkModule } from '@hub/operations';
import { Lead } from './capture/lead.entity';
import { LeadCaptureRunner } from './capture/lead-capture-runner';
import { GraphApi } from './meta/graph-api';
import { LeadCaptureQueueModule } from './queues/lead-capture/lead-capture-queue.module';
import { LeadCaptureConsumer } from './queues/lead-capture/lead-capture.consumer';
import { LeadCaptureSweep } from './queues/lead-capture/lead-capture.sweep';
import { LeadSource } from './sources/lead-source.entity';
import { LeadSourceSecrets } from './sources/lead-source-secrets';

/** The worker side of lead capture: the `lead-capture` queue's consumer and sweep registration, and the Graph API client. */
@Module({
  imports: [TypeOrmModule.forFeature([LeadSource, Lead]), LeadCaptureQueueModule, ContactsCoreModule, AutomationCoreModule, WorkModule],
  providers: [LeadSourceSecrets, GraphApi, LeadCaptureRunner, LeadCaptureConsumer, LeadCaptureSweep],
})
export class LeadsWorkerModule {}
