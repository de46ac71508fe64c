import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { RoundTripBatcher } from '@hub/database';
import { type InboundLog, InboundLogService, InboundLogSql } from '@hub/inbound-log';
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

interface Intake {
  log: InboundLog;
  leads: IncomingLead[];
}

/**
 * Stores a provider's request: its inbound log row and its leads in one
 * statement, before the provider is answered. Requests arriving in the same
 * event-loop turn share that statement (group commit, as the trigger webhook
 * does): one round trip and one commit for all of them. A lead already stored
 * for its source (a repeated notification) is only counted (`repeats`); a
 * request that brought only such leads is logged as a duplicate. Returns the
 * ids of the leads it added, which go on the capture queue without the answer
 * waiting for Redis.
 */
@Injectable()
export class LeadIntake {
  private readonly batcher = new RoundTripBatcher<Intake, string[]>((items) => this.storeMany(items));

  constructor(
    private readonly dataSource: DataSource,
    private readonly inbound: InboundLogService,
    private readonly producer: LeadCaptureProducer,
  ) {}

  async store(request: FastifyRequest, leads: IncomingLead[]): Promise<string[]> {
    const log = this.inbound.prepare(request, 200);
    const added = await this.batcher.submit({ log, leads });
    this.inbound.recorded(request, log);
    // Stored: the answer does not wait for Redis (a lead whose job never gets there is enqueued by the sweeper).
    void this.producer.enqueue(added.map((id) => ({ id, attempt_count: 0 })));
    return added;
  }

  private async storeMany(items: Intake[]): Promise<string[][]> {
    // One row per (source, lead id): PostgreSQL refuses to update a row twice in one statement, so a lead sent again
    // within the same batch is counted on its first copy.
    const byKey = new Map<string, IncomingLead & { inbound_log_id: string; repeats: number }>();
    for (const item of items) {
      for (const lead of item.leads) {
        const key = `${lead.lead_source_id}/${lead.lead_id}`;
        const first = byKey.get(key);
        if (first) first.repeats++;
        else byKey.set(key, { ...lead, inbound_log_id: item.log.id, repeats: 0 });
      }
    }
    const leads = [...byKey.values()];
    const rows = (await this.dataSource.query(
      `WITH log AS (${InboundLogSql.insertMany('$1')})
       INSERT INTO leads (account_id, lead_source_id, provider, lead_id, form_id, campaign_id, ad_id, adgroup_id, is_test, fields, inbound_log_id, repeats)
       SELECT account_id, lead_source_id, provider, lead_id, form_id, campaign_id, ad_id, adgroup_id, is_test, fields, inbound_log_id, repeats
         FROM jsonb_to_recordset($2::jsonb) AS x(account_id uuid, lead_source_id uuid, provider text, lead_id text, form_id text, campaign_id text,
                                                 ad_id text, adgroup_id text, is_test boolean, fields jsonb, inbound_log_id uuid, repeats int)
       ON CONFLICT (lead_source_id, lead_id) DO UPDATE SET repeats = leads.repeats + 1 + EXCLUDED.repeats, updated_at = now()
       RETURNING id, inbound_log_id, (xmax = 0) AS inserted`,
      [InboundLogSql.rowsJson(items.map((item) => item.log)), JSON.stringify(leads)],
    )) as { id: string; inbound_log_id: string; inserted: boolean }[];
    // xmax is 0 on a row this statement inserted; a repeat only counted itself on the stored lead.
    const added = new Map<string, string[]>();
    for (const row of rows) if (row.inserted) added.set(row.inbound_log_id, [...(added.get(row.inbound_log_id) ?? []), row.id]);
    for (const item of items) {
      if (item.leads.length > 0 && !added.has(item.log.id)) await this.dataSource.query(InboundLogSql.markDuplicate('$1'), [item.log.id]);
    }
    return items.map((item) => added.get(item.log.id) ?? []);
  }
}
