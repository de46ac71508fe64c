import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withSessionLock } from '@hub/database';
import { PeriodicTask } from '../periodic/periodic-task';

/** How often the purge timer looks for purges that are due. */
export const PURGE_TICK_MS = 60_000;
const BATCH = 5000;

/** Old rows of one table that go: its lib registers it (`<table>-retention.ts`) and owns the SQL. */
export interface RowPurge {
  /** Names it in logs and in purgeDue()'s answer. */
  readonly name: string;
  /** Runs at most this often (the first time one tick after boot). */
  readonly everyMs: number;
  /** Deletes what has aged out; answers how many rows. */
  purge(): Promise<number>;
}

/**
 * Deletes the rows of `table` that match `where`, a batch at a time, so a
 * purge never holds long locks on a table the hot paths write to.
 */
export async function deleteInBatches(dataSource: DataSource, table: string, where: string, params: unknown[] = []): Promise<number> {
  let total = 0;
  for (;;) {
    const [, deleted] = (await dataSource.query(
      `DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE ${where} LIMIT ${BATCH}))`,
      params,
    )) as [unknown, number];
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

/**
 * The one periodic mechanism for old rows (log retention, expired trigger
 * requests): a plain timer, not a Bull repeatable job, so it survives a Redis
 * flush; one worker at a time (advisory lock) runs each registered purge
 * when it is due.
 */
@Injectable()
export class RowPurges implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RowPurges');
  private readonly purges: RowPurge[] = [];
  private readonly lastRun = new Map<string, number>();
  private readonly task = new PeriodicTask('RowPurges', PURGE_TICK_MS, () => this.purgeDue());

  constructor(private readonly dataSource: DataSource) {}

  register(purge: RowPurge): void {
    if (this.purges.some((known) => known.name === purge.name)) throw new Error(`Purge "${purge.name}" is registered twice`);
    this.purges.push(purge);
  }

  get registered(): string[] {
    return this.purges.map((purge) => purge.name);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Runs the purges that are due (all of them with `now` = Infinity); answers rows deleted per purge run. */
  async purgeDue(now = Date.now()): Promise<Record<string, number>> {
    const due = this.purges.filter((purge) => now - (this.lastRun.get(purge.name) ?? -Infinity) >= purge.everyMs);
    if (due.length === 0) return {};
    const counts = await withSessionLock(this.dataSource, 'rowPurge', async () => {
      const deleted: Record<string, number> = {};
      for (const purge of due) {
        this.lastRun.set(purge.name, Date.now());
        try {
          deleted[purge.name] = await purge.purge();
          if (deleted[purge.name] > 0) this.logger.log(`Purged ${deleted[purge.name]} ${purge.name}`);
        } catch (error) {
          this.logger.warn(`Purge of ${purge.name} failed (tried again next time): ${(error as Error).message}`);
        }
      }
      return deleted;
    });
    return counts ?? {};
  }
}
