import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EndpointDisabledReason } from '../endpoints/endpoint.entity';
import { accountRollupRowsSql, bucketOf } from './delivery-rollup-sql';
import { percentileOf } from './latency-histogram';

/** A chart's time axis: [since, until) in steps of intervalSeconds (a multiple of 300; since on a step). */
export interface StatsWindow {
  since: Date;
  until: Date;
  intervalSeconds: number;
}

export interface OutcomeCounts {
  succeeded: number;
  failed: number;
  retrying: number;
}

export interface OutcomeBucket extends OutcomeCounts {
  start: Date;
}

export interface EndpointHealth extends OutcomeCounts {
  endpoint_id: string;
  description: string | null;
  url: string | null;
  enabled: boolean;
  disabled_reason: EndpointDisabledReason | null;
  disabled_at: Date | null;
  failing_since: Date | null;
  attempts: number;
  /** succeeded / attempts, 0–1; null without attempts. */
  success_rate: number | null;
  p95_latency_ms: number | null;
  last_error: { message: string; status_code: number | null; at: Date } | null;
  series: OutcomeBucket[];
}

interface SeriesRow extends OutcomeCounts {
  start: Date;
}

interface HealthRow {
  id: string;
  description: string | null;
  url: string | null;
  enabled: boolean;
  disabled_reason: EndpointDisabledReason | null;
  disabled_at: Date | null;
  failing_since: Date | null;
  series: { start: string; succeeded: number; failed: number; retrying: number }[] | null;
  latency: number[] | null;
  last_error: string | null;
  last_error_status: number | null;
  last_error_at: Date | null;
}

/**
 * Delivery figures for the stats API, from delivery_rollups plus the few
 * minutes of attempts not rolled up yet (accountRollupRowsSql), so a week of
 * a busy account reads ~2,000 rows per endpoint, not its attempts.
 */
@Injectable()
export class DeliveryStats {
  constructor(private readonly dataSource: DataSource) {}

  /** Attempts per interval by outcome, every interval of the window present (zeros included); one endpoint's when endpointId is set. */
  async outcomes(accountId: string, window: StatsWindow, endpointId?: string): Promise<OutcomeBucket[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${bucketOf('bucket_start', '$4')} AS start, sum(succeeded)::int AS succeeded, sum(failed)::int AS failed, sum(retrying)::int AS retrying
         FROM (${accountRollupRowsSql('$1', '$2', '$3')}) AS rows
        WHERE $5::uuid IS NULL OR endpoint_id = $5
        GROUP BY 1`,
      [accountId, window.since, window.until, window.intervalSeconds, endpointId ?? null],
    )) as SeriesRow[];
    return fillIntervals(window, rows);
  }

  /** Each endpoint of the account (or the one asked for: 404 when not the account's) with its figures over the window. */
  async endpointHealth(accountId: string, window: StatsWindow, endpointId?: string): Promise<EndpointHealth[]> {
    const rows = (await this.dataSource.query(
      `WITH rows AS MATERIALIZED (${accountRollupRowsSql('$1', '$2', '$3')}),
            series AS (
              SELECT endpoint_id, ${bucketOf('bucket_start', '$4')} AS start,
                     sum(succeeded)::int AS succeeded, sum(failed)::int AS failed, sum(retrying)::int AS retrying
                FROM rows GROUP BY 1, 2),
            latency AS (
              SELECT endpoint_id, array_agg(c ORDER BY i) AS counts
                FROM (SELECT r.endpoint_id, u.i, sum(u.c)::int AS c
                        FROM rows r, unnest(r.latency_counts) WITH ORDINALITY AS u(c, i) GROUP BY 1, 2) AS slots
               GROUP BY 1),
            errors AS (
              SELECT DISTINCT ON (endpoint_id) endpoint_id, last_error, last_error_status, last_error_at
                FROM rows WHERE last_error_at IS NOT NULL ORDER BY endpoint_id, last_error_at DESC)
       SELECT e.id, e.description, coalesce(e.url, (SELECT min(value) FROM jsonb_each_text(e.event_urls))) AS url,
              e.enabled, e.disabled_reason, e.disabled_at, e.failing_since,
              (SELECT json_agg(json_build_object('start', s.start, 'succeeded', s.succeeded, 'failed', s.failed, 'retrying', s.retrying))
                 FROM series s WHERE s.endpoint_id = e.id) AS series,
              l.counts AS latency,
              er.last_error, er.last_error_status, er.last_error_at
         FROM endpoints e LEFT JOIN errors er ON er.endpoint_id = e.id LEFT JOIN latency l ON l.endpoint_id = e.id
        WHERE e.account_id = $1 AND ($5::uuid IS NULL OR e.id = $5)
        ORDER BY e.created_at`,
      [accountId, window.since, window.until, window.intervalSeconds, endpointId ?? null],
    )) as HealthRow[];
    if (endpointId && rows.length === 0) throw new NotFoundException('Endpoint not found');
    return rows.map((row) => toHealth(row, window));
  }
}

function toHealth(row: HealthRow, window: StatsWindow): EndpointHealth {
  const series = fillIntervals(
    window,
    (row.series ?? []).map((bucket) => ({ ...bucket, start: new Date(bucket.start) })),
  );
  const totals = series.reduce(
    (sum, bucket) => ({ succeeded: sum.succeeded + bucket.succeeded, failed: sum.failed + bucket.failed, retrying: sum.retrying + bucket.retrying }),
    { succeeded: 0, failed: 0, retrying: 0 },
  );
  const attempts = totals.succeeded + totals.failed + totals.retrying;
  return {
    endpoint_id: row.id,
    description: row.description,
    url: row.url,
    enabled: row.enabled,
    disabled_reason: row.disabled_reason,
    disabled_at: row.disabled_at,
    failing_since: row.failing_since,
    ...totals,
    attempts,
    success_rate: attempts === 0 ? null : totals.succeeded / attempts,
    p95_latency_ms: percentileOf(row.latency ?? [], 0.95),
    last_error: row.last_error_at ? { message: row.last_error ?? '', status_code: row.last_error_status, at: new Date(row.last_error_at) } : null,
    series,
  };
}

/** One bucket per interval of the window, in order, zeros where nothing happened. */
function fillIntervals(window: StatsWindow, rows: SeriesRow[]): OutcomeBucket[] {
  const byStart = new Map(rows.map((row) => [new Date(row.start).getTime(), row]));
  const buckets: OutcomeBucket[] = [];
  for (let at = window.since.getTime(); at < window.until.getTime(); at += window.intervalSeconds * 1000) {
    const row = byStart.get(at);
    buckets.push({ start: new Date(at), succeeded: row?.succeeded ?? 0, failed: row?.failed ?? 0, retrying: row?.retrying ?? 0 });
  }
  return buckets;
}
