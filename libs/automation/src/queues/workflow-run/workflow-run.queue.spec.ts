import { AppConfig } from '@hub/config';
import { scheduledDelayMs } from '@hub/operations';
import { stepRetrySchedule } from './workflow-run.queue';

const withSchedule = (seconds: number[]) => ({ webhookRetryScheduleSeconds: seconds }) as AppConfig;

describe('stepRetrySchedule', () => {
  it('follows the delivery schedule from its second entry, then repeats its last, never under a second', () => {
    const steps = stepRetrySchedule(withSchedule([0, 5, 300, 1800]));
    expect(steps.maxAttempts).toBe(4);
    expect([1, 2, 3].map((n) => scheduledDelayMs(steps, n))).toEqual([5000, 300000, 1800000]);
    expect([1, 2, 3].map((n) => scheduledDelayMs(stepRetrySchedule(withSchedule([0, 1])), n))).toEqual([1000, 1000, 1000]);
    expect(scheduledDelayMs(stepRetrySchedule(withSchedule([0, 0])), 1)).toBe(1000);
    expect(scheduledDelayMs(stepRetrySchedule(withSchedule([7])), 1)).toBe(7000);
  });
});
