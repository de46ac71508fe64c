/** The rows of an `UPDATE … RETURNING` run through TypeORM's query() on PostgreSQL, which answers [rows, count]. */
export function returning<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
