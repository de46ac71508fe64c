import { scheduleFromSeconds } from '@hub/operations';
import { attemptOutcome } from './webhook-delivery.queue';

const schedule = scheduleFromSeconds([0, 5, 300, 1800], { jitter: 0.1 });
const fail = (statusCode: number | null, retryAfterSeconds: number | null = null) => ({ ok: false, statusCode, retryAfterSeconds });

describe('attemptOutcome', () => {
  it('succeeds on 2xx', () => {
    expect(attemptOutcome(1, { ok: true, statusCode: 204, retryAfterSeconds: null }, schedule)).toEqual({ kind: 'succeeded' });
  });

  it('retries on the schedule, and is exhausted after the last scheduled attempt', () => {
    expect(attemptOutcome(1, fail(500), schedule, () => 0)).toEqual({ kind: 'retry', delayMs: 5000 });
    expect(attemptOutcome(2, fail(null), schedule, () => 1)).toEqual({ kind: 'retry', delayMs: 330000 });
    expect(attemptOutcome(4, fail(500), schedule)).toEqual({ kind: 'exhausted' });
  });

  it('treats 410 Gone as final, also on the last attempt', () => {
    expect(attemptOutcome(1, fail(410), schedule)).toEqual({ kind: 'gone' });
    expect(attemptOutcome(4, fail(410), schedule)).toEqual({ kind: 'gone' });
  });

  it('honours a longer Retry-After', () => {
    expect(attemptOutcome(1, fail(429, 60), schedule, () => 0)).toEqual({ kind: 'retry', delayMs: 60000 });
  });
});
