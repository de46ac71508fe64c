import { nextStep } from './retry-policy';

const schedule = [0, 5, 300, 1800];
const fail = (statusCode: number | null, retryAfterSeconds: number | null = null) => ({ ok: false, statusCode, retryAfterSeconds });

describe('nextStep', () => {
  it('succeeds on 2xx', () => {
    expect(nextStep(1, { ok: true, statusCode: 204, retryAfterSeconds: null }, schedule)).toEqual({ kind: 'succeeded' });
  });

  it('waits the scheduled time before the next attempt, plus at most 10 % jitter', () => {
    expect(nextStep(1, fail(500), schedule, () => 0)).toEqual({ kind: 'retry', delayMs: 5000 });
    expect(nextStep(2, fail(null), schedule, () => 1)).toEqual({ kind: 'retry', delayMs: 330000 });
  });

  it('is exhausted after the last scheduled attempt', () => {
    expect(nextStep(4, fail(500), schedule)).toEqual({ kind: 'exhausted' });
  });

  it('treats 410 Gone as final', () => {
    expect(nextStep(1, fail(410), schedule)).toEqual({ kind: 'gone' });
  });

  it('honours a longer Retry-After, capped at 6 hours', () => {
    expect(nextStep(1, fail(429, 60), schedule, () => 0)).toEqual({ kind: 'retry', delayMs: 60000 });
    expect(nextStep(1, fail(503, 2), schedule, () => 0)).toEqual({ kind: 'retry', delayMs: 5000 });
    expect(nextStep(1, fail(429, 999999), schedule, () => 0)).toEqual({ kind: 'retry', delayMs: 6 * 3600 * 1000 });
  });
});
