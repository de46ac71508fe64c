import { retryDelayMs } from './run-progress';

describe('retryDelayMs', () => {
  it('follows the delivery schedule from its second entry, then repeats its last, never under a second', () => {
    const schedule = [0, 5, 300, 1800];
    expect([1, 2, 3].map((n) => retryDelayMs(n, schedule))).toEqual([5000, 300000, 1800000]);
    expect([1, 2, 3].map((n) => retryDelayMs(n, [0, 1]))).toEqual([1000, 1000, 1000]);
    expect(retryDelayMs(1, [0, 0])).toBe(1000);
  });
});
