import { ConflictException, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@hub/config';

/** An endpoint as it would be saved: what the quotas look at. */
export interface QuotaCandidate {
  /** null for a new endpoint. */
  id: string | null;
  enabled: boolean;
  url: string | null;
  event_types: string[];
  event_urls: Record<string, string>;
}

function quotaExceeded(message: string, quota: string): ConflictException {
  return new ConflictException({ error: 'quota_exceeded', message, details: [{ field: quota, message }] });
}

/** Event types an endpoint receives, or 'all' (a common URL and no event_types), as the fan-out SQL matches them. */
function subscribedTypes(candidate: Pick<QuotaCandidate, 'url' | 'event_types' | 'event_urls'>): string[] | 'all' {
  if (candidate.url && candidate.event_types.length === 0) return 'all';
  return [...new Set([...(candidate.url ? candidate.event_types : []), ...Object.keys(candidate.event_urls)])];
}

/**
 * Per-account limits on endpoints: how many an account may have
 * (MAX_ENDPOINTS_PER_ACCOUNT) and how many enabled ones one event type may
 * reach (MAX_ENDPOINTS_PER_EVENT), which bounds the deliveries one published
 * event creates. Checked when an endpoint is saved or enabled, so publishing
 * (the hot path) pays nothing. Channel scopes are not told apart: an event
 * reaches the general endpoints and one channel's, and counting every
 * channel's over-counts, never under.
 */
@Injectable()
export class EndpointQuotas {
  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * 409 quota_exceeded naming the limit when saving `candidate` would pass
   * one. Inside a transaction (`tx`) it first takes the account's endpoint
   * lock, so concurrent saves cannot each pass the check and together exceed it.
   */
  async assertRoomFor(accountId: string, candidate: QuotaCandidate, tx?: EntityManager): Promise<void> {
    const db = tx ?? this.dataSource.manager;
    if (tx) await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('endpoints:' || $1, 0))`, [accountId]);
    if (candidate.id === null) {
      const [{ n }] = await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM endpoints WHERE account_id = $1', [accountId]);
      const max = this.config.maxEndpointsPerAccount;
      if (n >= max) throw quotaExceeded(`This account has ${n} endpoints, the most it may have (MAX_ENDPOINTS_PER_ACCOUNT=${max}); delete one first`, 'MAX_ENDPOINTS_PER_ACCOUNT');
    }
    if (candidate.enabled) await this.assertFanOut(db, accountId, candidate);
  }

  private async assertFanOut(db: EntityManager, accountId: string, candidate: QuotaCandidate): Promise<void> {
    const rows = await db.query<{ type: string | null; n: number }[]>(
      `WITH others AS (
         SELECT id, url IS NOT NULL AND cardinality(event_types) = 0 AS all_types,
                (CASE WHEN url IS NOT NULL THEN event_types ELSE '{}' END) || ARRAY(SELECT jsonb_object_keys(event_urls)) AS types
           FROM endpoints
          WHERE account_id = $1 AND enabled AND id IS DISTINCT FROM $2::uuid)
       SELECT NULL AS type, count(*)::int AS n FROM others WHERE all_types
       UNION ALL
       SELECT t, count(DISTINCT id)::int FROM others, unnest(types) AS t WHERE NOT all_types GROUP BY t`,
      [accountId, candidate.id],
    );
    const everyType = rows.find((row) => row.type === null)?.n ?? 0;
    const perType = new Map(rows.filter((row) => row.type !== null).map((row) => [row.type as string, row.n]));
    const types = subscribedTypes(candidate);
    const candidates = types === 'all' ? [...perType.keys()] : types;
    let worst: { type: string; reach: number } = { type: 'every event type', reach: everyType + 1 };
    for (const type of candidates) {
      const reach = everyType + (perType.get(type) ?? 0) + 1;
      if (reach > worst.reach) worst = { type, reach };
    }
    const max = this.config.maxEndpointsPerEvent;
    if (worst.reach > max) {
      throw quotaExceeded(
        `An event of ${worst.type === 'every event type' ? 'any type' : `type ${worst.type}`} would reach ${worst.reach} enabled endpoints of this account, more than MAX_ENDPOINTS_PER_EVENT=${max}; disable or narrow another endpoint first`,
        'MAX_ENDPOINTS_PER_EVENT',
      );
    }
  }
}
