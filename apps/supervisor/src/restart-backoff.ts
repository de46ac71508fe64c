export interface RestartPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** A process that lived this long before dying was up: its next death starts the count again. */
  stableAfterMs: number;
  /** Deaths in a row, each before stableAfterMs, after which the supervisor gives up. */
  maxFailures: number;
}

// 1, 2, 4, 8, 16 s: a process that cannot stay up for half a minute six times in a row will not.
export const DEFAULT_RESTART_POLICY: RestartPolicy = { firstDelayMs: 1000, maxDelayMs: 30_000, stableAfterMs: 30_000, maxFailures: 5 };

/** When to start again a process that died, and when to stop trying. One per process slot. */
export class RestartBackoff {
  private failures = 0;

  constructor(private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY) {}

  /** The delay before the next start, or null when the process keeps dying. `livedMs`: how long it ran. */
  afterExit(livedMs: number): number | null {
    if (livedMs >= this.policy.stableAfterMs) this.failures = 0;
    this.failures++;
    if (this.failures > this.policy.maxFailures) return null;
    return Math.min(this.policy.firstDelayMs * 2 ** (this.failures - 1), this.policy.maxDelayMs);
  }
}
