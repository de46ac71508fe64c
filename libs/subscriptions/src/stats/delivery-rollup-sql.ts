import { latencyCountsSql, latencySlotSql } from './latency-histogram';

/** Width of a delivery_rollups bucket; every chart interval is a multiple of it. */
export const ROLLUP_BUCKET_SECONDS = 300;

/** SQL: the bucket of a timestamp, counted from the Unix epoch, so every interval that divides a day lines up. */
export function bucketOf(timestampSql: string, seconds: number | string): string {
  return `date_bin(make_interval(secs => ${seconds}), ${timestampSql}, TIMESTAMPTZ 'epoch')`;
}

export interface AttemptRowsFilter {
  /** SQL expressions (placeholders or columns) bounding `created_at`: from inclusive, to exclusive. */
  from: string;
  to: string;
  /** Placeholder of the account to keep, when one. */
  account?: string;
}

/**
 * SQL: delivery attempts made in [from, to), as delivery_rollups rows (one
 * per endpoint and 5-minute bucket). The rollup job inserts these; the stats
 * queries read them for the attempts the rollup has not reached yet, so both
 * count the same way:
 * - succeeded: a 2xx answer;
 * - failed: not 2xx, and the delivery's last attempt, now `failed`;
 * - retrying: not 2xx, and another attempt followed or is scheduled.
 * The delivery row says which (its status and attempt_count change in the
 * transaction that stores the attempt), so the attempt table needs no new
 * column and the hot path writes nothing more.
 */
export function attemptRollupRowsSql(filter: AttemptRowsFilter): string {
  // Each attempt's outcome, latency slot and bucket are worked out once, in the inner SELECT, then counted.
  return `SELECT endpoint_id, account_id, bucket_start,
           count(*) FILTER (WHERE ok)::int AS succeeded,
           count(*) FILTER (WHERE NOT ok AND last)::int AS failed,
           count(*) FILTER (WHERE NOT ok AND NOT last)::int AS retrying,
           ${latencyCountsSql('slot')} AS latency_counts,
           (array_agg(error ORDER BY created_at DESC) FILTER (WHERE NOT ok))[1] AS last_error,
           (array_agg(status_code ORDER BY created_at DESC) FILTER (WHERE NOT ok))[1] AS last_error_status,
           max(created_at) FILTER (WHERE NOT ok) AS last_error_at
      FROM (SELECT d.endpoint_id, d.account_id, ${bucketOf('a.created_at', ROLLUP_BUCKET_SECONDS)} AS bucket_start, a.created_at, a.status_code,
                   coalesce(a.status_code BETWEEN 200 AND 299, false) AS ok,
                   (d.status = 'failed' AND a.n >= d.attempt_count) AS last,
                   ${latencySlotSql('a.duration_ms')} AS slot,
                   coalesce(a.error, 'HTTP ' || a.status_code) AS error
              FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id
             WHERE a.created_at >= ${filter.from} AND a.created_at < ${filter.to}${filter.account ? ` AND a.account_id = ${filter.account}` : ''}) AS attempt
     GROUP BY 1, 2, 3`;
}

/**
 * SQL: the rollup rows of `account` with bucket_start in [from, to): rolled-up
 * buckets before the rollup's progress mark, and attempts after it counted
 * raw (a few minutes' worth normally). One statement, so one snapshot.
 */
export function accountRollupRowsSql(account: string, from: string, to: string): string {
  return `SELECT endpoint_id, bucket_start, succeeded, failed, retrying, latency_counts, last_error, last_error_status, last_error_at
            FROM delivery_rollups, delivery_rollup_progress p
           WHERE p.id = 1 AND account_id = ${account} AND bucket_start >= ${from} AND bucket_start < least(${to}, coalesce(p.rolled_up_to, '-infinity'))
          UNION ALL
          SELECT endpoint_id, bucket_start, succeeded, failed, retrying, latency_counts, last_error, last_error_status, last_error_at
            FROM (${attemptRollupRowsSql({
              from: `greatest(${from}, (SELECT coalesce(rolled_up_to, '-infinity') FROM delivery_rollup_progress WHERE id = 1))`,
              to,
              account,
            })}) AS raw`;
}
