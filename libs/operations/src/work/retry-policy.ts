/** A Retry-After longer than this is not honoured past it. */
const MAX_RETRY_AFTER_MS = 6 * 60 * 60 * 1000;

/**
 * How one kind of work is retried. Each kind declares its own beside its
 * queue; the arithmetic below is the same for all of them.
 */
export interface RetrySchedule {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** Wait before try n+1 after try n failed is delaysMs[n-1]; past the end, the last entry again. */
  delaysMs: readonly number[];
  /** Up to this fraction added at random (0.1: +0–10 %), so retries of many items spread out. */
  jitter?: number;
  /** No wait is shorter than this. */
  minDelayMs?: number;
}

export interface FailedAttempt {
  /** Retrying cannot help (410 Gone, a bad address): the work ends now. */
  permanent?: boolean;
  /** The other side asked for this wait (Retry-After): honoured when longer than the schedule's, capped at 6 h. */
  retryAfterSeconds?: number | null;
}

export type RetryDecision = { kind: 'retry'; delayMs: number } | { kind: 'failed' };

/** A schedule written as seconds before each try, the first try's included (WEBHOOK_RETRY_SCHEDULE: `0,5,300`). */
export function scheduleFromSeconds(secondsBeforeEachTry: readonly number[], options: Omit<RetrySchedule, 'maxAttempts' | 'delaysMs'> = {}): RetrySchedule {
  return { maxAttempts: secondsBeforeEachTry.length, delaysMs: secondsBeforeEachTry.slice(1).map((seconds) => seconds * 1000), ...options };
}

/** The wait before the try after try `attempt` (1-based), before jitter and Retry-After. */
export function scheduledDelayMs(schedule: RetrySchedule, attempt: number): number {
  const { delaysMs } = schedule;
  const delay = delaysMs.length === 0 ? 0 : delaysMs[Math.min(Math.max(attempt, 1) - 1, delaysMs.length - 1)];
  return Math.max(delay, schedule.minDelayMs ?? 0);
}

/**
 * What follows failed try number `attempt` (1-based): another try after a
 * wait, or the end (tries used up, or a permanent failure).
 */
export function afterFailedAttempt(schedule: RetrySchedule, attempt: number, failure: FailedAttempt = {}, random: () => number = Math.random): RetryDecision {
  if (failure.permanent || attempt >= schedule.maxAttempts) return { kind: 'failed' };
  const scheduled = scheduledDelayMs(schedule, attempt) * (1 + (schedule.jitter ?? 0) * random());
  const asked = failure.retryAfterSeconds != null ? Math.min(failure.retryAfterSeconds * 1000, MAX_RETRY_AFTER_MS) : 0;
  return { kind: 'retry', delayMs: Math.round(Math.max(scheduled, asked)) };
}
