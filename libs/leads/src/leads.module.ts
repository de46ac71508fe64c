import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AutomationModule } from '@hub/automation';
import { Lead } from './capture/lead.entity';
import { LeadIntake } from './capture/lead-intake';
import { LeadQueries } from './capture/lead-queries';
import { LeadTestMarks } from './capture/lead-test-marks';
import { SourceLeadsController } from './capture/source-leads.controller';
import { GoogleAdsLeadController } from './google/google-ads-lead.controller';
import { GoogleAdsLeadService } from './google/google-ads-lead.service';
import { MetaLeadAdsController } from './meta/meta-lead-ads.controller';
import { MetaLeadAdsService } from './meta/meta-lead-ads.service';
import { LeadCaptureQueueModule } from './queues/lead-capture/lead-capture-queue.module';
import { LeadSource } from './sources/lead-source.entity';
import { LeadSourceLookup } from './sources/lead-source-lookup';
import { LeadSourceSecrets } from './sources/lead-source-secrets';
import { LeadSourcesController } from './sources/lead-sources.controller';
import { LeadSourcesService } from './sources/lead-sources.service';
import { LeadSourceTester } from './sources/lead-source-tester';

/** The api side of lead capture: `/api/lead-sources` and the public Meta and Google routes, which store leads for the worker. */
@Module({
  imports: [TypeOrmModule.forFeature([LeadSource, Lead]), AutomationModule, LeadCaptureQueueModule],
  controllers: [LeadSourcesController, SourceLeadsController, MetaLeadAdsController, GoogleAdsLeadController],
  providers: [LeadSourcesService, LeadSourceSecrets, LeadSourceLookup, LeadIntake, LeadQueries, LeadTestMarks, LeadSourceTester, MetaLeadAdsService, GoogleAdsLeadService],
  exports: [LeadSourceSecrets],
})
export class LeadsModule {}
