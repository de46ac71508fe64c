import { QueryFailedError } from 'typeorm';

/** The name of the unique index a write violated (PostgreSQL 23505), or null for any other error. */
export function violatedUniqueIndex(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' ? (driverError.constraint ?? '') : null;
}
