import { describe, expect, it } from 'vitest';
import { formatP95, isFailing, successRates } from './endpointHealth';

describe('endpoint health', () => {
  it('gives each bar its success rate, and no rate where nothing was attempted', () => {
    const bar = (succeeded: number, failed: number, retrying: number) => ({ start: 's', end: 'e', succeeded, failed, retrying });
    expect(successRates([bar(3, 0, 1), bar(0, 0, 0), bar(0, 2, 0)]).map((point) => point.rate)).toEqual([75, null, 0]);
  });

  it('flags endpoints the hub disabled or that fail every attempt, not ones turned off by hand', () => {
    expect(isFailing({ enabled: true, disabled_reason: null, failing_since: null })).toBe(false);
    expect(isFailing({ enabled: true, disabled_reason: null, failing_since: '2026-12-03T10:00:00Z' })).toBe(true);
    expect(isFailing({ enabled: false, disabled_reason: 'gone', failing_since: null })).toBe(true);
    expect(isFailing({ enabled: false, disabled_reason: 'failing', failing_since: null })).toBe(true);
    expect(isFailing({ enabled: false, disabled_reason: 'manual', failing_since: null })).toBe(false);
  });

  it('says p95 as the bound it is', () => {
    expect([formatP95({ p95_latency_ms: null }), formatP95({ p95_latency_ms: 300 }), formatP95({ p95_latency_ms: 1500 })]).toEqual(['—', '≤ 300 ms', '≤ 1.5 s']);
  });
});
