import { RestartBackoff } from './restart-backoff';

const policy = { firstDelayMs: 1000, maxDelayMs: 5000, stableAfterMs: 30_000, maxFailures: 4 };

describe('RestartBackoff', () => {
  it('doubles the delay for each quick death, up to the cap, then gives up', () => {
    const backoff = new RestartBackoff(policy);
    expect([1, 2, 3, 4].map(() => backoff.afterExit(100))).toEqual([1000, 2000, 4000, 5000]);
    expect(backoff.afterExit(100)).toBeNull();
  });

  it('starts counting again after a process stayed up', () => {
    const backoff = new RestartBackoff(policy);
    backoff.afterExit(100);
    backoff.afterExit(100);
    backoff.afterExit(100);
    expect(backoff.afterExit(60_000)).toBe(1000);
    expect(backoff.afterExit(100)).toBe(2000);
  });
});
