import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkflowEnrolment } from '@hub/automation';
import { ContactsService, InvalidContactFieldError } from '@hub/contacts';
import { EventPublisher } from '@hub/events';
import { markInboundLogFailed } from '@hub/inbound-log';
import { afterFailedAttempt, leaseIsFree, RetrySchedule, takeLease } from '@hub/operations';
import { GraphApi, GraphLeadError } from '../meta/graph-api';
import { LeadCaptureProducer } from '../queues/lead-capture/lead-capture.producer';
import { LEAD_LEASE_SECONDS, LEAD_RETRY, LEAD_RETRY_DELAYS_MS } from '../queues/lead-capture/lead-capture.queue';
import { mapLeadFields } from '../sources/field-mapping';
import { LeadSourceSecrets } from '../sources/lead-source-secrets';
import { LeadSource } from '../sources/lead-source.entity';
import { Lead } from './lead.entity';

const MAX_ERROR_LENGTH = 2000;
const CONTACT_SOURCE = { meta: 'Meta lead ads', google: 'Google Ads lead forms' } as const;

/** A failure that retrying cannot heal: the lead fails now and its source shows why. */
class PermanentLeadError extends Error {}

/**
 * Captures one stored lead, in the worker: claims it with a lease, fetches
 * Meta's answers from the Graph API (Google's came with the request), maps
 * them through the source's field mapping, and in one transaction creates or
 * updates the contact, enrols it into the source's workflow and publishes
 * lead.captured. A Graph API that may heal is retried on LEAD_RETRY's
 * schedule; what will not heal (expired token, deleted lead, no email or
 * phone) fails the lead at once and shows on its source and its inbound log
 * row, the lead kept so it can be captured again once fixed.
 */
@Injectable()
export class LeadCaptureRunner {
  private readonly logger = new Logger('LeadCapture');
  private readonly retries: RetrySchedule;

  constructor(
    private readonly dataSource: DataSource,
    private readonly graph: GraphApi,
    private readonly secrets: LeadSourceSecrets,
    private readonly contacts: ContactsService,
    private readonly enrolment: WorkflowEnrolment,
    private readonly events: EventPublisher,
    private readonly producer: LeadCaptureProducer,
    @Optional() @Inject(LEAD_RETRY_DELAYS_MS) delaysMs?: readonly number[],
  ) {
    this.retries = delaysMs ? { ...LEAD_RETRY, delaysMs, jitter: 0 } : LEAD_RETRY;
  }

  async run(leadId: string): Promise<void> {
    const lead = await this.claim(leadId);
    if (!lead) return; // captured already, leased by another worker, or gone
    const source = await this.dataSource.getRepository(LeadSource).findOneBy({ id: lead.lead_source_id });
    try {
      if (!source) throw new PermanentLeadError('Its lead source was deleted');
      if (lead.attempt_count > this.retries.maxAttempts) throw new PermanentLeadError(`Gave up after ${this.retries.maxAttempts} tries`);
      const fetched = lead.fields ? null : await this.fetchFromGraph(lead, source);
      await this.capture(lead, source, fetched);
    } catch (error) {
      await this.recordFailure(lead, source, error as Error);
    }
  }

  private async claim(leadId: string): Promise<Lead | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE leads SET attempt_count = attempt_count + 1, ${takeLease('$2')}, updated_at = now()
        WHERE id = $1 AND status = 'pending' AND ${leaseIsFree()} RETURNING *`,
      [leadId, LEAD_LEASE_SECONDS],
    )) as [Lead[], number];
    return rows[0] ? this.dataSource.getRepository(Lead).create(rows[0]) : null;
  }

  private async fetchFromGraph(lead: Lead, source: LeadSource) {
    const token = this.secrets.pageAccessToken(source);
    if (!token) throw new PermanentLeadError('The lead source has no page access token');
    try {
      return await this.graph.fetchLead(lead.lead_id, token);
    } catch (error) {
      if (error instanceof GraphLeadError && error.kind === 'permanent') throw new PermanentLeadError(error.message);
      throw error;
    }
  }

  private async capture(lead: Lead, source: LeadSource, fetched: Awaited<ReturnType<GraphApi['fetchLead']>> | null): Promise<void> {
    const fields = fetched?.fields ?? lead.fields ?? {};
    const formId = lead.form_id ?? fetched?.form_id ?? null;
    const campaignId = lead.campaign_id ?? fetched?.campaign_id ?? null;
    const mapped = mapLeadFields(fields, source.provider, source.field_mapping);
    if (!mapped.email && !mapped.phone) throw new PermanentLeadError('The lead has neither an email nor a phone number to make a contact of (check the field mapping)');
    await this.dataSource.transaction(async (tx) => {
      const { contact } = await this.contacts.upsertByIdentity(
        tx,
        lead.account_id,
        { email: mapped.email, phone: mapped.phone, first_name: mapped.first_name, last_name: mapped.last_name, custom_fields: mapped.custom_fields },
        { name: CONTACT_SOURCE[source.provider] },
      );
      if (source.workflow_id) {
        const variables = { ...contact.custom_fields, ...fields, email: contact.email, phone: contact.phone, first_name: contact.first_name, last_name: contact.last_name, contact_id: contact.id };
        await this.enrolment.enrol(tx, lead.account_id, source.workflow_id, contact.id, variables);
      }
      await this.events.publish(tx, {
        accountId: lead.account_id,
        type: 'lead.captured',
        data: { provider: source.provider, lead_source_id: source.id, lead_id: lead.lead_id, form_id: formId, campaign_id: campaignId, contact_id: contact.id, is_test: lead.is_test, fields },
      });
      // Guarded by the lease this worker took: a worker whose lease ran out writes nothing (and rolls the rest back).
      const [, updated] = (await tx.query(
        `UPDATE leads SET status = 'captured', fields = $2::jsonb, form_id = $3, campaign_id = $4, ad_id = COALESCE(ad_id, $5), contact_id = $6,
                captured_at = now(), locked_until = NULL, last_error = NULL, updated_at = now()
          WHERE id = $1 AND status = 'pending' AND attempt_count = $7`,
        [lead.id, JSON.stringify(fields), formId, campaignId, fetched?.ad_id ?? null, contact.id, lead.attempt_count],
      )) as [unknown, number];
      if (updated !== 1) throw new Error('The lead was taken over by another worker');
      await tx.query(`UPDATE lead_sources SET last_lead_at = now(), last_error = NULL, last_error_at = NULL WHERE id = $1`, [source.id]);
    });
  }

  private async recordFailure(lead: Lead, source: LeadSource | null, error: Error): Promise<void> {
    const permanent = error instanceof PermanentLeadError || error instanceof InvalidContactFieldError;
    const message = error.message.slice(0, MAX_ERROR_LENGTH);
    const next = afterFailedAttempt(this.retries, lead.attempt_count, { permanent, retryAfterSeconds: error instanceof GraphLeadError ? error.retryAfterSeconds : null });
    try {
      if (next.kind === 'retry') {
        await this.dataSource.query(
          `UPDATE leads SET next_attempt_at = now() + make_interval(secs => $2::float / 1000), locked_until = NULL, last_error = $3, updated_at = now()
            WHERE id = $1 AND status = 'pending'`,
          [lead.id, next.delayMs, message],
        );
        this.logger.warn(`Lead ${lead.id} not captured (try ${lead.attempt_count}): ${message}; retrying in ${Math.round(next.delayMs / 1000)} s`);
        await this.producer.enqueue([{ id: lead.id, attempt_count: lead.attempt_count, delayMs: next.delayMs }]);
        return;
      }
      await this.dataSource.transaction(async (tx) => {
        await tx.query(`UPDATE leads SET status = 'failed', locked_until = NULL, last_error = $2, updated_at = now() WHERE id = $1 AND status = 'pending'`, [lead.id, message]);
        if (source) await tx.query(`UPDATE lead_sources SET last_error = $2, last_error_at = now() WHERE id = $1`, [source.id, message]);
        if (lead.inbound_log_id) await markInboundLogFailed(tx, lead.inbound_log_id, `Lead ${lead.lead_id}: ${message}`);
      });
      this.logger.warn(`Lead ${lead.id} failed: ${message}`);
    } catch (failure) {
      // Still pending with its lease running out: the sweeper brings it back.
      this.logger.warn(`Could not record the failure of lead ${lead.id}: ${(failure as Error).message}`);
    }
  }
}
