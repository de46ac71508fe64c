import type { Endpoint, EndpointHealth, OutcomeBucket } from '../../api/types';

/** Percent succeeded per bar, null where nothing was attempted (the sparkline leaves a gap). */
export function successRates(series: OutcomeBucket[]): { start: string; rate: number | null }[] {
  return series.map((bucket) => {
    const attempts = bucket.succeeded + bucket.failed + bucket.retrying;
    return { start: bucket.start, rate: attempts === 0 ? null : (bucket.succeeded / attempts) * 100 };
  });
}

/**
 * Whether the navigation flags an endpoint as failing: disabled by the hub
 * (410 Gone, or 5 days of failures), or every attempt failing since some
 * time. A manual disable is a choice, not a failure.
 */
export function isFailing(endpoint: Pick<Endpoint, 'enabled' | 'disabled_reason' | 'failing_since'>): boolean {
  if (!endpoint.enabled) return endpoint.disabled_reason === 'gone' || endpoint.disabled_reason === 'failing';
  return endpoint.failing_since !== null;
}

/** p95 latency in words: "≤ 300 ms", "≤ 1.5 s"; "—" without attempts. */
export function formatP95(health: Pick<EndpointHealth, 'p95_latency_ms'>): string {
  const ms = health.p95_latency_ms;
  if (ms === null) return '—';
  return ms >= 1000 ? `≤ ${ms / 1000} s` : `≤ ${ms} ms`;
}
