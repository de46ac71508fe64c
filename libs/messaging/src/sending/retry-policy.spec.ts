import { afterFailure, MAX_SEND_ATTEMPTS } from './retry-policy';

describe('afterFailure', () => {
  it('retries after 5 s, then 30 s, and fails after the third try', () => {
    expect(afterFailure(1, false)).toEqual({ kind: 'retry', delayMs: 5_000 });
    expect(afterFailure(2, false)).toEqual({ kind: 'retry', delayMs: 30_000 });
    expect(afterFailure(MAX_SEND_ATTEMPTS, false)).toEqual({ kind: 'failed' });
  });

  it('fails at once on a permanent error', () => {
    expect(afterFailure(1, true)).toEqual({ kind: 'failed' });
  });

  it('uses the delays it is given', () => {
    expect(afterFailure(1, false, [10, 20])).toEqual({ kind: 'retry', delayMs: 10 });
    expect(afterFailure(2, false, [10, 20])).toEqual({ kind: 'retry', delayMs: 20 });
  });
});
