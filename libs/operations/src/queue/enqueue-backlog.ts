/**
 * Items handed to a producer and not on Redis yet. Publishers answer once
 * PostgreSQL has committed, without waiting for Redis (a sweeper re-enqueues
 * whatever never got there), so while Redis is unreachable the jobs waiting
 * for it would otherwise pile up in memory without bound: past `limit`
 * items, new ones are left to the sweeper, and `onFull` is told once each
 * time the backlog fills.
 */
export class EnqueueBacklog {
  private pending = 0;
  private full = false;

  constructor(
    private readonly limit: number,
    private readonly onFull: (waiting: number) => void = () => undefined,
  ) {}

  get size(): number {
    return this.pending;
  }

  /** Runs `add` for `count` items unless that would pass the limit; answers whether it ran. */
  async admit(count: number, add: () => Promise<void>): Promise<boolean> {
    if (this.pending + count > this.limit) {
      if (!this.full) this.onFull(this.pending);
      this.full = true;
      return false;
    }
    this.full = false;
    this.pending += count;
    try {
      await add();
    } finally {
      this.pending -= count;
    }
    return true;
  }
}
