import { describe, expect, it } from 'vitest';
import { describeWait, splitWait, waitProblem, waitSeconds } from './waitDuration';

describe('wait durations', () => {
  it('shows seconds in the largest unit that divides them evenly', () => {
    expect(splitWait(86_400 * 3)).toEqual({ amount: '3', unit: 'days' });
    expect(splitWait(7_200)).toEqual({ amount: '2', unit: 'hours' });
    expect(splitWait(5_400)).toEqual({ amount: '90', unit: 'minutes' });
    expect(splitWait(90)).toEqual({ amount: '90', unit: 'seconds' });
    expect(splitWait(60)).toEqual({ amount: '1', unit: 'minutes' });
  });

  it('turns what was typed back into seconds', () => {
    expect(waitSeconds('3', 'days')).toBe(259_200);
    expect(waitSeconds(' 15 ', 'minutes')).toBe(900);
    expect(waitSeconds('0', 'hours')).toBeNull();
    expect(waitSeconds('1.5', 'hours')).toBeNull();
    expect(waitSeconds('-1', 'seconds')).toBeNull();
  });

  it('round-trips every unit', () => {
    for (const seconds of [1, 59, 60, 3_600, 86_400, 7_776_000]) {
      const { amount, unit } = splitWait(seconds);
      expect(waitSeconds(amount, unit)).toBe(seconds);
    }
  });

  it('explains what is wrong: empty, not whole, over 90 days', () => {
    expect(waitProblem('', 'hours')).toBe('Say how long to wait');
    expect(waitProblem('two', 'hours')).toBe('Enter a whole number above 0');
    expect(waitProblem('91', 'days')).toBe('A wait is at most 90 days');
    expect(waitProblem('90', 'days')).toBeNull();
  });

  it('describes a wait in words', () => {
    expect(describeWait(86_400)).toBe('1 day');
    expect(describeWait(1_800)).toBe('30 minutes');
  });
});
