import { LIMITS } from '../../api/limits';

/** A wait step's duration: the API counts seconds, people think in minutes, hours and days. */
export type WaitUnit = 'seconds' | 'minutes' | 'hours' | 'days';

export const UNIT_SECONDS: Record<WaitUnit, number> = { seconds: 1, minutes: 60, hours: 3_600, days: 86_400 };
export const WAIT_UNITS: WaitUnit[] = ['minutes', 'hours', 'days', 'seconds'];
/** The API's bounds (openapi.json): 1 s to 90 days. */
export const MIN_WAIT_SECONDS = LIMITS.WaitStepDto.seconds.minimum;
export const MAX_WAIT_SECONDS = LIMITS.WaitStepDto.seconds.maximum;

/** Seconds in the largest unit that divides them evenly: 7200 → 2 hours, 90 → 90 seconds. */
export function splitWait(seconds: number): { amount: string; unit: WaitUnit } {
  for (const unit of ['days', 'hours', 'minutes'] as const) {
    if (seconds > 0 && seconds % UNIT_SECONDS[unit] === 0) return { amount: String(seconds / UNIT_SECONDS[unit]), unit };
  }
  return { amount: String(seconds), unit: 'seconds' };
}

/** The amount typed, in seconds; null unless it is a whole number above zero. */
export function waitSeconds(amount: string, unit: WaitUnit): number | null {
  const text = amount.trim();
  if (!/^\d+$/.test(text)) return null;
  const seconds = Number(text) * UNIT_SECONDS[unit];
  return seconds >= MIN_WAIT_SECONDS ? seconds : null;
}

/** What is wrong with a typed wait, or null. */
export function waitProblem(amount: string, unit: WaitUnit): string | null {
  if (!amount.trim()) return 'Say how long to wait';
  const seconds = waitSeconds(amount, unit);
  if (seconds === null) return 'Enter a whole number above 0';
  if (seconds > MAX_WAIT_SECONDS) return `A wait is at most ${MAX_WAIT_SECONDS / UNIT_SECONDS.days} days`;
  return null;
}

const NAMES: Record<WaitUnit, [string, string]> = {
  seconds: ['second', 'seconds'],
  minutes: ['minute', 'minutes'],
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
};

/** "2 hours", "1 day", "90 seconds". */
export function describeWait(seconds: number): string {
  const { amount, unit } = splitWait(seconds);
  const [one, many] = NAMES[unit];
  return `${amount} ${amount === '1' ? one : many}`;
}
