/**
 * SQL fragments for leasing a row of work (its `locked_until` column): the
 * claim that takes it, the test that it is free, the release. Each hot path
 * stays one statement; these keep the rule the same in all of them.
 *
 *   UPDATE messages SET attempt_count = attempt_count + 1, ${takeLease('$2')}
 *    WHERE id = $1 AND ${leaseIsFree()} RETURNING *
 */

/** `locked_until` qualified by a table alias, when the statement has one. */
function column(alias?: string): string {
  return alias ? `${alias}.locked_until` : 'locked_until';
}

/** True when no live worker holds the row: never leased, or the lease ran out (its worker died). */
export function leaseIsFree(alias?: string): string {
  return `(${column(alias)} IS NULL OR ${column(alias)} < now())`;
}

/** True when a worker took the row and its lease ran out (it died while working). */
export function leaseExpired(alias?: string): string {
  return `${column(alias)} < now()`;
}

/** A SET item that leases the row for `secondsSql` (an SQL expression: a parameter, a computation). */
export function takeLease(secondsSql: string): string {
  return `locked_until = now() + make_interval(secs => ${secondsSql})`;
}

/** A SET item that gives the lease back (the work is done, or scheduled again). */
export const RELEASE_LEASE = 'locked_until = NULL';
