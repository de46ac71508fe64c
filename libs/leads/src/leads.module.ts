import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AutomationModule } from '@hub/automation';
import { Lead } from './capture/lead.entity';
import { LeadIntake } from './capture/lead-intake';
import { GoogleAdsLeadController } from './google/google-ads-lead.controller';
import { GoogleAdsLeadService } from './google/google-ads-lead.service';
import { MetaLeadAdsController } from './meta/meta-lead-ads.controller';
import { MetaLeadAdsService } from './meta/meta-lead-ads.service';
import { LeadSource } from './sources/lead-source.entity';
import { LeadSourceLookup } from './sources/lead-source-lookup';
import { LeadSourceSecrets } from './sources/lead-source-secrets';
import { LeadSourcesController } from './sources/lead-sources.controller';
import { LeadSourcesService } from './sources/lead-sources.service';

/** The api side of lead capture: `/api/lead-sources` and the public Meta and Google routes, which store leads for the worker. */
@Module({
  imports: [TypeOrmModule.forFeature([LeadSource, Lead]), AutomationModule],
  controllers: [LeadSourcesController, MetaLeadAdsController, GoogleAdsLeadController],
  providers: [LeadSourcesService, LeadSourceSecrets, LeadSourceLookup, LeadIntake, MetaLeadAdsService, GoogleAdsLeadService],
  exports: [LeadSourceSecrets],
})
export class LeadsModule {}
