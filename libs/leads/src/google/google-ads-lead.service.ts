import { Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { inboundState } from '@hub/inbound-log';
import { LeadIntake } from '../capture/lead-intake';
import { TEST_LEAD_HEADER, LeadTestMarks } from '../capture/lead-test-marks';
import { losslessBody } from '../capture/lossless-body';
import { LeadSourceLookup } from '../sources/lead-source-lookup';
import { googleKeyOf, readGoogleLead } from './google-lead';

/** Google Ads lead form webhooks: the key in the body names (and proves) the source. */
@Injectable()
export class GoogleAdsLeadService {
  constructor(
    private readonly lookup: LeadSourceLookup,
    private readonly intake: LeadIntake,
    private readonly testMarks: LeadTestMarks,
  ) {}

  async receive(request: FastifyRequest & { rawBody?: Buffer }): Promise<Record<string, never>> {
    const state = inboundState(request);
    const body = losslessBody(request.rawBody);
    // The admin app's test lead: the hub keeps only a hash of the key, so its own one-time mark stands in for it.
    const test = this.testMarks.take(request.headers[TEST_LEAD_HEADER]);
    const source = test ? await this.lookup.googleSourceById(test.sourceId) : await this.lookup.googleSourceByKey(googleKeyOf(body));
    if (!source) {
      state.verification = 'failed';
      throw new UnauthorizedException('google_key does not match any Google lead source');
    }
    state.verification = 'passed';
    state.accountId = source.account_id;
    const lead = readGoogleLead(body);
    await this.intake.store(request, [
      {
        account_id: source.account_id,
        lead_source_id: source.id,
        provider: 'google',
        lead_id: lead.lead_id,
        form_id: lead.form_id,
        campaign_id: lead.campaign_id,
        ad_id: lead.creative_id,
        adgroup_id: lead.adgroup_id,
        is_test: lead.is_test,
        fields: lead.fields,
      },
    ]);
    // Google's documented answer; it needs nothing else, and never retries a 4xx.
    return {};
  }
}
