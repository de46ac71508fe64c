import { DataSource, EntityManager } from 'typeorm';

/**
 * Every fixed PostgreSQL advisory-lock id the hub takes, in one place, so two
 * uses never share an id by accident. Any value works; it only has to be the
 * same in every hub process. (Per-row locks hash a text key instead:
 * `pg_advisory_xact_lock(hashtextextended(key, 0))`.)
 */
export const ADVISORY_LOCKS = {
  /** runMigrations: an api and several workers starting together migrate once. */
  migrations: 727_001,
  /** WorkSweeper: one worker at a time re-enqueues lost work of every kind. */
  workSweep: 727_002,
  /** RowPurges: one worker at a time deletes old rows. */
  rowPurge: 727_003,
} as const;

export type AdvisoryLock = keyof typeof ADVISORY_LOCKS;

/** Takes the lock for the rest of `tx`'s transaction if no one holds it; answers whether it got it. */
export async function tryTransactionLock(tx: EntityManager, lock: AdvisoryLock): Promise<boolean> {
  const [{ locked }] = (await tx.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [ADVISORY_LOCKS[lock]])) as [{ locked: boolean }];
  return locked;
}

/**
 * Runs `work` holding the lock on a connection of its own (a session lock:
 * `work` may run many statements and transactions meanwhile), or answers
 * undefined at once if another process holds it.
 */
export async function withSessionLock<T>(dataSource: DataSource, lock: AdvisoryLock, work: () => Promise<T>): Promise<T | undefined> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [ADVISORY_LOCKS[lock]])) as [{ locked: boolean }];
    if (!locked) return undefined;
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCKS[lock]]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}
