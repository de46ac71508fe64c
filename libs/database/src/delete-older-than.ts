import { DataSource } from 'typeorm';

const BATCH = 5000;

/**
 * Deletes rows whose created_at is older than `days`, a batch at a time so a
 * purge never holds long locks on a table the hot paths write to.
 */
export async function deleteOlderThan(dataSource: DataSource, table: 'inbound_logs' | 'delivery_attempts', days: number): Promise<number> {
  let total = 0;
  for (;;) {
    const [, deleted] = (await dataSource.query(
      `DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE created_at < now() - make_interval(days => $1) LIMIT $2)`,
      [days, BATCH],
    )) as [unknown, number];
    total += deleted;
    if (deleted < BATCH) return total;
  }
}
