import { afterFailedAttempt, RetrySchedule, scheduledDelayMs, scheduleFromSeconds } from './retry-policy';

describe('afterFailedAttempt', () => {
  const webhook = scheduleFromSeconds([0, 5, 300, 1800], { jitter: 0.1 });

  it('waits the scheduled time before the next try, plus at most the jitter', () => {
    expect(afterFailedAttempt(webhook, 1, {}, () => 0)).toEqual({ kind: 'retry', delayMs: 5000 });
    expect(afterFailedAttempt(webhook, 2, {}, () => 1)).toEqual({ kind: 'retry', delayMs: 330000 });
  });

  it('fails after the last try, and at once on a permanent failure', () => {
    expect(afterFailedAttempt(webhook, 4)).toEqual({ kind: 'failed' });
    expect(afterFailedAttempt(webhook, 1, { permanent: true })).toEqual({ kind: 'failed' });
  });

  it('honours a longer Retry-After, capped at 6 hours', () => {
    expect(afterFailedAttempt(webhook, 1, { retryAfterSeconds: 60 }, () => 0)).toEqual({ kind: 'retry', delayMs: 60000 });
    expect(afterFailedAttempt(webhook, 1, { retryAfterSeconds: 2 }, () => 0)).toEqual({ kind: 'retry', delayMs: 5000 });
    expect(afterFailedAttempt(webhook, 1, { retryAfterSeconds: 999999 }, () => 0)).toEqual({ kind: 'retry', delayMs: 6 * 3600 * 1000 });
  });

  it('repeats the last delay past the end of the list and never goes under the minimum', () => {
    const messages: RetrySchedule = { maxAttempts: 3, delaysMs: [5_000, 30_000] };
    expect([1, 2].map((n) => afterFailedAttempt(messages, n))).toEqual([
      { kind: 'retry', delayMs: 5_000 },
      { kind: 'retry', delayMs: 30_000 },
    ]);
    expect(afterFailedAttempt(messages, 3)).toEqual({ kind: 'failed' });
    const steps: RetrySchedule = { maxAttempts: 9, delaysMs: [0, 300_000], minDelayMs: 1000 };
    expect([1, 2, 5].map((n) => scheduledDelayMs(steps, n))).toEqual([1000, 300_000, 300_000]);
    expect(scheduledDelayMs({ maxAttempts: 2, delaysMs: [] }, 1)).toBe(0);
  });
});
