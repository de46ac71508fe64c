import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { inboundState } from '@hub/inbound-log';
import { IncomingLead, LeadIntake } from '../capture/lead-intake';
import { TEST_LEAD_HEADER, LeadTestMarks } from '../capture/lead-test-marks';
import { losslessBody } from '../capture/lossless-body';
import { LeadSourceLookup } from '../sources/lead-source-lookup';
import { LeadSourceSecrets } from '../sources/lead-source-secrets';
import { readMetaNotification } from './meta-notification';
import { MetaSignature } from './meta-signature';

const MAX_CHALLENGE = 1000;

/** Meta lead ads: the subscription handshake and the signed notifications. */
@Injectable()
export class MetaLeadAdsService {
  constructor(
    private readonly lookup: LeadSourceLookup,
    private readonly secrets: LeadSourceSecrets,
    private readonly intake: LeadIntake,
    private readonly testMarks: LeadTestMarks,
  ) {}

  /** `hub.challenge` when `hub.mode=subscribe` and the verify token is a Meta source's; else 403. */
  async handshake(request: FastifyRequest, query: Record<string, unknown>): Promise<string> {
    const state = inboundState(request);
    const mode = query['hub.mode'];
    const token = query['hub.verify_token'];
    const challenge = query['hub.challenge'];
    const known = mode === 'subscribe' && typeof token === 'string' && token.length > 0 && (await this.lookup.metaVerifyTokenExists(token));
    state.verification = known ? 'passed' : 'failed';
    if (!known) throw new ForbiddenException('hub.verify_token does not match any Meta lead source (or hub.mode is not subscribe)');
    if (typeof challenge !== 'string' || challenge.length === 0 || challenge.length > MAX_CHALLENGE) throw new ForbiddenException('hub.challenge is missing');
    return challenge;
  }

  /**
   * Verifies the notification with the app secret of each source of the pages
   * it names and stores the leads of the sources it verifies for; 401 when it
   * verifies for none. Answers how many leads it received.
   */
  async receive(request: FastifyRequest & { rawBody?: Buffer }, signature: string | undefined): Promise<{ received: number }> {
    const state = inboundState(request);
    const leadgens = readMetaNotification(losslessBody(request.rawBody));
    const sources = await this.lookup.metaSourcesOfPages([...new Set(leadgens.map((lead) => lead.page_id))]);
    const verified = sources.filter((source) => {
      const secret = this.secrets.appSecret(source);
      return secret !== null && MetaSignature.verify(secret, request.rawBody ?? Buffer.alloc(0), signature);
    });
    if (leadgens.length > 0 && verified.length === 0) {
      state.verification = 'failed';
      throw new UnauthorizedException(
        sources.length ? 'X-Hub-Signature-256 does not match the app secret of the lead source of this page' : 'No Meta lead source has the page this notification names',
      );
    }
    state.verification = leadgens.length ? 'passed' : 'not_required';
    state.accountId = verified[0]?.account_id ?? null;
    // The admin app's test lead (signed like any other) brings its own answers: its lead id is not in the Graph API.
    const test = this.testMarks.take(request.headers[TEST_LEAD_HEADER]);
    const leads: IncomingLead[] = verified.flatMap((source) =>
      leadgens
        .filter((lead) => lead.page_id === source.page_id)
        .map((lead) => ({
          account_id: source.account_id,
          lead_source_id: source.id,
          provider: 'meta' as const,
          lead_id: lead.leadgen_id,
          form_id: lead.form_id,
          campaign_id: null,
          ad_id: lead.ad_id,
          adgroup_id: lead.adgroup_id,
          is_test: test?.sourceId === source.id,
          fields: test?.sourceId === source.id ? test.fields : null,
        })),
    );
    await this.intake.store(request, leads);
    return { received: leads.length };
  }
}
