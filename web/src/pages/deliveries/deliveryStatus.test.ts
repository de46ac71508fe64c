import { describe, expect, it } from 'vitest';
import { deliveryPhase, resendTargets, retryingLine } from './deliveryStatus';

const base = { status: 'pending' as const, attempt_count: 0, max_attempts: 8, next_attempt_at: null, last_status_code: null, last_error: null };

describe('deliveryPhase and retryingLine', () => {
  it('reads a pending delivery with a failed attempt behind it as retrying, naming the next attempt, when, and the last answer', () => {
    expect(deliveryPhase(base)).toBe('pending');
    expect(retryingLine(base)).toBeNull();
    const retrying = { ...base, attempt_count: 2, next_attempt_at: '2026-01-01T10:05:00.000Z', last_status_code: 500 };
    expect(deliveryPhase(retrying)).toBe('retrying');
    expect(retryingLine(retrying)).toMatch(/^attempt 2 of 8 · next try at .+ · last answer HTTP 500$/);
    expect(retryingLine({ ...retrying, last_status_code: null, last_error: 'Connection refused', attempt_count: 8 })).toMatch(/^attempt 8 of 8 · .+ · Connection refused$/);
    expect(deliveryPhase({ status: 'failed', attempt_count: 3 })).toBe('failed');
    expect(retryingLine({ ...retrying, status: 'succeeded' })).toBeNull();
  });

  it('says how many deliveries go to which URL', () => {
    expect(resendTargets({ destinations: [{ url: 'http://r/bounced', count: 1 }] })).toBe('1 delivery to http://r/bounced');
    expect(resendTargets({ destinations: [{ url: 'http://r/a', count: 3 }, { url: 'http://r/b', count: 2 }] })).toBe('5 deliveries: 3 to http://r/a, 2 to http://r/b');
  });
});
