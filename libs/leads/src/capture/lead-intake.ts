import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { InboundLogService, InboundLogSql } from '@hub/inbound-log';
import { LeadCaptureProducer } from '../queues/lead-capture/lead-capture.producer';
import type { LeadProvider } from '../sources/lead-source.entity';

/** A lead as the route read it, for one source. */
export interface IncomingLead {
  account_id: string;
  lead_source_id: string;
  provider: LeadProvider;
  lead_id: string;
  form_id: string | null;
  campaign_id: string | null;
  ad_id: string | null;
  adgroup_id: string | null;
  is_test: boolean;
  fields: Record<string, string> | null;
}

/**
 * Stores a provider's request: its inbound log row and its leads in one
 * statement, before the provider is answered. A lead already stored for its
 * source (a repeated notification) is skipped; a request that brought only
 * such leads is logged as a duplicate. Returns the ids of the leads it added,
 * which go on the capture queue without the answer waiting for Redis.
 */
@Injectable()
export class LeadIntake {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inbound: InboundLogService,
    private readonly producer: LeadCaptureProducer,
  ) {}

  async store(request: FastifyRequest, leads: IncomingLead[]): Promise<string[]> {
    const log = this.inbound.prepare(request, 200);
    const added = await this.dataSource.transaction(async (tx) => {
      const rows = (await tx.query(
        `WITH log AS (${InboundLogSql.insertMany('$1')})
         INSERT INTO leads (account_id, lead_source_id, provider, lead_id, form_id, campaign_id, ad_id, adgroup_id, is_test, fields, inbound_log_id)
         SELECT account_id, lead_source_id, provider, lead_id, form_id, campaign_id, ad_id, adgroup_id, is_test, fields, $3::uuid
           FROM jsonb_to_recordset($2::jsonb) AS x(account_id uuid, lead_source_id uuid, provider text, lead_id text, form_id text, campaign_id text,
                                                   ad_id text, adgroup_id text, is_test boolean, fields jsonb)
         ON CONFLICT (lead_source_id, lead_id) DO NOTHING
         RETURNING id`,
        [InboundLogSql.rowsJson([log]), JSON.stringify(leads), log.id],
      )) as { id: string }[];
      if (rows.length === 0 && leads.length > 0) await tx.query(InboundLogSql.markDuplicate('$1'), [log.id]);
      return rows.map((row) => row.id);
    });
    this.inbound.recorded(request, log);
    // Stored: the answer does not wait for Redis (a lead whose job never gets there is enqueued by the sweeper).
    void this.producer.enqueue(added.map((id) => ({ id, attempt_count: 0 })));
    return added;
  }
}
