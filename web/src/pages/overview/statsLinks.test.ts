import { describe, expect, it } from 'vitest';
import { deliveryLogLink, formatAge, formatRate, inboundLogLink, rangeFrom } from './statsLinks';

describe('stats links', () => {
  it('links a delivery bar to the log of deliveries attempted in it, with the outcome and endpoint', () => {
    const link = deliveryLogLink({ start: '2026-12-03T17:00:00.000Z', end: '2026-12-03T18:00:00.000Z', outcome: 'failed', endpointId: 'e1' });
    const params = new URL(link, 'http://hub').searchParams;
    expect(new URL(link, 'http://hub').pathname).toBe('/deliveries');
    expect(Object.fromEntries(params)).toEqual({
      endpoint_id: 'e1',
      status: 'failed',
      attempted_since: '2026-12-03T17:00:00.000Z',
      attempted_until: '2026-12-03T18:00:00.000Z',
    });
  });

  it('links an inbound figure to the log filtered by source, outcome and the range in local time', () => {
    const since = new Date(2026, 11, 3, 9, 5);
    const until = new Date(2026, 11, 3, 10, 5);
    const params = new URL(inboundLogLink({ source: 'meta', outcome: 'rejected', since: since.toISOString(), until: until.toISOString() }), 'http://hub').searchParams;
    expect(Object.fromEntries(params)).toEqual({ source: 'meta', status: 'rejected', since: '2026-12-03T09:05', until: '2026-12-03T10:05' });
  });

  it('reads the range from the URL, 24 hours otherwise', () => {
    expect(rangeFrom(new URLSearchParams('range=7d'))).toBe('7d');
    expect(rangeFrom(new URLSearchParams('range=2y'))).toBe('24h');
  });

  it('says rates and ages in words', () => {
    expect([formatRate(null), formatRate(1), formatRate(0.9661), formatRate(0)]).toEqual(['—', '100 %', '96.6 %', '0 %']);
    expect([formatAge(null), formatAge(42), formatAge(125), formatAge(3 * 3600 + 300)]).toEqual(['—', '42 s', '2 min', '3 h 5 min']);
  });
});
