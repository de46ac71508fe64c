/**
 * Upper bounds (ms) of the latency buckets delivery_rollups counts attempts
 * in; one more bucket holds everything slower. Roughly ×1.5 apart, so a p95
 * read from them is within one step of the true figure, and a histogram
 * (unlike a list of durations) sums across buckets and endpoints.
 */
export const LATENCY_BOUNDS_MS = [10, 25, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500, 10000, 15000, 20000, 30000] as const;

/** SQL: the latency bucket (0 … LATENCY_BOUNDS_MS.length) of a duration in ms. */
export function latencySlotSql(durationSql: string): string {
  // width_bucket(x, bounds) is 0 below the first bound, i for bounds[i] <= x < bounds[i+1]; x - 1 counts x == bound in that bound's bucket.
  return `width_bucket(${durationSql} - 1, ARRAY[${LATENCY_BOUNDS_MS.join(',')}])`;
}

/** SQL: an int[] of attempts per latency bucket, from a column holding latencySlotSql (an aggregate, so it goes in a GROUP BY select). */
export function latencyCountsSql(slotSql: string): string {
  const counts = Array.from({ length: LATENCY_BOUNDS_MS.length + 1 }, (_, i) => `count(*) FILTER (WHERE ${slotSql} = ${i})::int`);
  return `ARRAY[${counts.join(', ')}]`;
}

/**
 * The percentile `q` (0–1) of a latency histogram: the upper bound of the
 * bucket the q-th attempt falls in (null without attempts; the last bound
 * for attempts slower than every bound).
 */
export function percentileOf(counts: number[], q: number): number | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i];
    if (seen >= rank) return LATENCY_BOUNDS_MS[Math.min(i, LATENCY_BOUNDS_MS.length - 1)];
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1];
}
