import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { TestLeadResultDto } from '../capture/dto/lead.dto';
import { LeadQueries, toLeadDto } from '../capture/lead-queries';
import { LeadTestMarks, TEST_LEAD_HEADER } from '../capture/lead-test-marks';
import { MetaSignature } from '../meta/meta-signature';
import { LeadSource } from './lead-source.entity';
import { LeadSourceSecrets } from './lead-source-secrets';

const WAIT_FOR_CAPTURE_MS = 5_000;
const CLAIM_WAIT_MS = 500;

/**
 * "Send a test lead": a sample lead sent through the source's public route in
 * this process, as its provider would send it (Meta's signed with the
 * source's app secret), then followed until the worker has captured it, so
 * the admin sees the contact it made or why it failed.
 */
@Injectable()
export class LeadSourceTester {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly secrets: LeadSourceSecrets,
    private readonly marks: LeadTestMarks,
    private readonly leads: LeadQueries,
  ) {}

  async send(source: LeadSource): Promise<TestLeadResultDto> {
    const suffix = randomBytes(4).toString('hex');
    const leadId = `test-${suffix}`;
    const email = `test-lead-${suffix}@example.com`;
    const fields: Record<string, string> =
      source.provider === 'meta'
        ? { full_name: 'Test Lead', email }
        : { FULL_NAME: 'Test Lead', EMAIL: email };
    const { url, payload, headers } = source.provider === 'meta' ? this.metaSample(source, leadId) : this.googleSample(leadId, fields);
    const token = this.marks.issue({ sourceId: source.id, fields });
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const response = await fastify
      .inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', ...headers, [TEST_LEAD_HEADER]: token } })
      .finally(() => this.marks.revoke(token));
    let lead = await this.leads.findByLeadId(source.account_id, source.id, leadId);
    const started = Date.now();
    // Follow the capture while a worker works on it; a lead no worker has taken within CLAIM_WAIT_MS (no worker
    // running, or a backlog) is answered as pending, and the lead list shows what becomes of it.
    const waiting = () => lead?.status === 'pending' && Date.now() - started < (lead.attempt_count > 0 ? WAIT_FOR_CAPTURE_MS : CLAIM_WAIT_MS);
    while (waiting()) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      lead = await this.leads.findByLeadId(source.account_id, source.id, leadId);
    }
    if (!lead) throw new Error(`The test lead was not stored: the route answered ${response.statusCode} ${response.body.slice(0, 300)}`);
    return { lead: toLeadDto(lead), route_status: response.statusCode };
  }

  private metaSample(source: LeadSource, leadId: string) {
    const payload = JSON.stringify({
      object: 'page',
      entry: [{ id: source.page_id, time: Math.floor(Date.now() / 1000), changes: [{ field: 'leadgen', value: { leadgen_id: leadId, page_id: source.page_id, form_id: 'test-form' } }] }],
    });
    const secret = this.secrets.appSecret(source) ?? '';
    return { url: '/api/webhook/meta-lead-ads', payload, headers: { 'x-hub-signature-256': MetaSignature.sign(secret, payload) } };
  }

  private googleSample(leadId: string, fields: Record<string, string>) {
    const payload = JSON.stringify({
      lead_id: leadId,
      api_version: '1.0',
      form_id: 0,
      is_test: true,
      google_key: '(the hub\u2019s test lead)',
      user_column_data: Object.entries(fields).map(([column_id, string_value]) => ({ column_id, string_value })),
    });
    return { url: '/api/webhook/google-ads-lead', payload, headers: {} };
  }
}
