/**
 * Items handed to a producer and not on Redis yet. Publishers answer once
 * PostgreSQL has committed, without waiting for Redis (a sweeper re-enqueues
 * whatever never got there), so while Redis is unreachable the jobs waiting
 * for it would otherwise pile up in memory without bound: past `limit`
 * items, new ones are left to the sweeper.
 */
export class EnqueueBacklog {
  private pending = 0;

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.pending;
  }

  /** Runs `add` for `count` items unless that would pass the limit; answers whether it ran. */
  async admit(count: number, add: () => Promise<void>): Promise<boolean> {
    if (this.pending + count > this.limit) return false;
    this.pending += count;
    try {
      await add();
    } finally {
      this.pending -= count;
    }
    return true;
  }
}
