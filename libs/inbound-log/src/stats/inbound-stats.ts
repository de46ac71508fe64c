import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { InboundOutcome } from '../log/inbound-log.entity';

/** Every source a public inbound route logs under (`@InboundRoute(...)`), in the order the overview lists them. */
export const INBOUND_SOURCES = ['automation', 'meta', 'google', 'mailgun', 'ses', 'sendgrid', 'postmark', 'whatsapp'] as const;
export const INBOUND_OUTCOMES: readonly InboundOutcome[] = ['accepted', 'duplicate', 'rejected', 'error'];

export type InboundOutcomeCounts = Record<InboundOutcome, number>;

export interface InboundSourceCounts extends InboundOutcomeCounts {
  source: string;
  total: number;
}

/**
 * Inbound requests per source and outcome for the stats API: one GROUP BY
 * over the account's rows in the window (the (account_id, created_at) index).
 * Every known source is listed, with zeros when it received nothing.
 */
@Injectable()
export class InboundStats {
  constructor(private readonly dataSource: DataSource) {}

  async bySource(accountId: string, since: Date, until: Date): Promise<InboundSourceCounts[]> {
    const rows = (await this.dataSource.query(
      `SELECT source, outcome, count(*)::int AS count FROM inbound_logs
        WHERE account_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY 1, 2`,
      [accountId, since, until],
    )) as { source: string; outcome: InboundOutcome; count: number }[];
    const sources = [...INBOUND_SOURCES, ...new Set(rows.map((row) => row.source).filter((source) => !(INBOUND_SOURCES as readonly string[]).includes(source)))];
    return sources.map((source) => {
      const counts = Object.fromEntries(INBOUND_OUTCOMES.map((outcome) => [outcome, 0])) as InboundOutcomeCounts;
      for (const row of rows) if (row.source === source && row.outcome in counts) counts[row.outcome] += row.count;
      return { source, ...counts, total: INBOUND_OUTCOMES.reduce((sum, outcome) => sum + counts[outcome], 0) };
    });
  }
}
