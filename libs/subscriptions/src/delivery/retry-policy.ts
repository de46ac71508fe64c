const MAX_RETRY_AFTER_SECONDS = 6 * 60 * 60;
const JITTER = 0.1;

export type AttemptOutcome =
  | { kind: 'succeeded' }
  | { kind: 'retry'; delayMs: number }
  | { kind: 'exhausted' }
  | { kind: 'gone' };

/**
 * What follows attempt number `attempt` (1-based) given its HTTP status.
 * schedule[i] is the wait in seconds before attempt i+1 (schedule[0] is the
 * first attempt's, usually 0). Retries get up to +10 % jitter so a recovering
 * receiver is not hit by every retry at once, and a Retry-After on 429/503 is
 * honoured when it asks for longer (capped at 6 h).
 */
export function nextStep(
  attempt: number,
  result: { ok: boolean; statusCode: number | null; retryAfterSeconds: number | null },
  schedule: number[],
  random: () => number = Math.random,
): AttemptOutcome {
  if (result.ok) return { kind: 'succeeded' };
  if (result.statusCode === 410) return { kind: 'gone' };
  if (attempt >= schedule.length) return { kind: 'exhausted' };
  const scheduled = schedule[attempt] * 1000 * (1 + JITTER * random());
  const asked = result.retryAfterSeconds !== null ? Math.min(result.retryAfterSeconds, MAX_RETRY_AFTER_SECONDS) * 1000 : 0;
  return { kind: 'retry', delayMs: Math.round(Math.max(scheduled, asked)) };
}
