import { Hub } from '../harness';

export type RowCounts = Record<string, number>;

/**
 * Row counts of every table of the suite's database, in one statement, so a
 * refused request can be checked to have written nothing (no partial write).
 */
export class RowCounter {
  private statement?: string;

  constructor(private readonly hub: Hub) {}

  async snapshot(): Promise<RowCounts> {
    if (!this.statement) {
      const tables = await this.hub.sql<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
      );
      this.statement = `SELECT ${tables.map(({ name }) => `(SELECT count(*)::int FROM "${name}") AS "${name}"`).join(', ')}`;
    }
    const [row] = await this.hub.sql<RowCounts>(this.statement);
    return row;
  }
}

/** Tables whose count differs, as `table before→after`, leaving out the ones a refused request may legitimately add to. */
export function changedTables(before: RowCounts, after: RowCounts, allowed: Record<string, number> = {}): string[] {
  return Object.keys(after)
    .filter((table) => {
      const grew = after[table] - (before[table] ?? 0);
      return grew !== 0 && !(grew > 0 && grew <= (allowed[table] ?? 0));
    })
    .map((table) => `${table} ${before[table]}→${after[table]}`);
}
