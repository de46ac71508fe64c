import { LATENCY_BOUNDS_MS, percentileOf } from './latency-histogram';

describe('percentileOf', () => {
  const empty = () => new Array<number>(LATENCY_BOUNDS_MS.length + 1).fill(0);

  it('answers null without attempts', () => {
    expect(percentileOf(empty(), 0.95)).toBeNull();
  });

  it('answers the upper bound of the bucket the 95th percent attempt falls in', () => {
    const counts = empty();
    counts[LATENCY_BOUNDS_MS.indexOf(100)] = 95; // 95 attempts of 76–100 ms
    counts[LATENCY_BOUNDS_MS.indexOf(2000)] = 5; // 5 of 1.5–2 s
    expect(percentileOf(counts, 0.95)).toBe(100);
    counts[LATENCY_BOUNDS_MS.indexOf(2000)] = 6;
    expect(percentileOf(counts, 0.95)).toBe(2000);
  });

  it('answers the last bound for attempts slower than every bound', () => {
    const counts = empty();
    counts[LATENCY_BOUNDS_MS.length] = 1;
    expect(percentileOf(counts, 0.95)).toBe(30000);
  });
});
