import type { StatsWindow } from '@hub/subscriptions';

/** The chart ranges the stats API offers, each with the bar width that gives it 12–28 bars. */
export const STATS_RANGES = {
  '1h': { seconds: 3600, intervalSeconds: 300 },
  '24h': { seconds: 86_400, intervalSeconds: 3600 },
  '7d': { seconds: 604_800, intervalSeconds: 21_600 },
} as const;

export type StatsRange = keyof typeof STATS_RANGES;

/**
 * The window a range covers at `now`: whole intervals counted from the Unix
 * epoch (as the rollup's buckets are), the last one being the interval now
 * is in, so the newest bar fills up as time passes.
 */
export function statsWindow(range: StatsRange, now = new Date()): StatsWindow {
  const { seconds, intervalSeconds } = STATS_RANGES[range];
  const step = intervalSeconds * 1000;
  const until = new Date(Math.floor(now.getTime() / step) * step + step);
  return { since: new Date(until.getTime() - seconds * 1000), until, intervalSeconds };
}
