import { QueryRunner } from 'typeorm';

interface Stashed<T> {
  item: T;
  /** The savepoint depth it was stashed at (1: the transaction itself). */
  depth: number;
}

/**
 * Items kept with a transaction until it ends (work to run after COMMIT,
 * events to write before it), aware of savepoints: rolling back a savepoint
 * drops what was stashed inside it and keeps the rest; releasing one hands
 * its items to the enclosing level; the outermost COMMIT or ROLLBACK ends
 * the stash. Hooks call it from TypeORM's transaction events, which fire for
 * savepoints too (with transactionDepth already lowered).
 */
export class TransactionStash<T> {
  constructor(private readonly key: string) {}

  /** Stashes `item` if `runner` is in a transaction; answers false (nothing stashed) otherwise. */
  push(runner: QueryRunner | undefined, item: T): boolean {
    if (!runner?.isTransactionActive) return false;
    this.entries(runner).push({ item, depth: depthOf(runner) });
    return true;
  }

  /** After a commit event: at the outermost COMMIT, takes every item; at a savepoint release, takes none. */
  takeCommitted(runner: QueryRunner): T[] {
    const entries = runner.data[this.key] as Stashed<T>[] | undefined;
    if (!entries?.length) return [];
    if (runner.isTransactionActive) {
      const depth = depthOf(runner);
      for (const entry of entries) entry.depth = Math.min(entry.depth, depth);
      return [];
    }
    delete runner.data[this.key];
    return entries.map((entry) => entry.item);
  }

  /** Before a commit (or savepoint release): takes every item stashed so far, at any depth. */
  takeAll(runner: QueryRunner): T[] {
    const entries = runner.data[this.key] as Stashed<T>[] | undefined;
    if (!entries?.length) return [];
    delete runner.data[this.key];
    return entries.map((entry) => entry.item);
  }

  /** After a rollback event: drops what the rolled-back level stashed (everything at the outermost ROLLBACK). */
  dropRolledBack(runner: QueryRunner): void {
    const entries = runner.data[this.key] as Stashed<T>[] | undefined;
    if (!entries) return;
    if (!runner.isTransactionActive) {
      delete runner.data[this.key];
      return;
    }
    const depth = depthOf(runner);
    runner.data[this.key] = entries.filter((entry) => entry.depth <= depth);
  }

  private entries(runner: QueryRunner): Stashed<T>[] {
    return ((runner.data as Record<string, unknown>)[this.key] ??= []) as Stashed<T>[];
  }
}

// TypeORM keeps the depth on the driver's runners without declaring it on QueryRunner.
function depthOf(runner: QueryRunner): number {
  return (runner as unknown as { transactionDepth?: number }).transactionDepth ?? 1;
}
