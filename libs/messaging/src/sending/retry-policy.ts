/** A message gets this many tries in all before it is failed. */
export const MAX_SEND_ATTEMPTS = 3;

/** Waits before the 2nd and 3rd tries. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [5_000, 30_000];

/**
 * Optional provider: delays (ms) before each retry, overriding the default
 * (the e2e tests mount a global module providing short ones).
 */
export const MESSAGE_RETRY_DELAYS_MS = Symbol('MESSAGE_RETRY_DELAYS_MS');

export type SendOutcome = { kind: 'retry'; delayMs: number } | { kind: 'failed' };

/**
 * What follows a failed try: another one after the scheduled delay, or the
 * end. `attempt` is the number of the try that just failed (1-based); a
 * permanent error (bad address, misconfigured channel) ends at once.
 */
export function afterFailure(attempt: number, permanent: boolean, delaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS): SendOutcome {
  if (permanent || attempt >= MAX_SEND_ATTEMPTS) return { kind: 'failed' };
  const delayMs = delaysMs[Math.min(attempt - 1, delaysMs.length - 1)] ?? 0;
  return { kind: 'retry', delayMs };
}
