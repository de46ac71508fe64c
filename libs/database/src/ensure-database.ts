import { Client } from 'pg';

export class ServiceUnreachableError extends Error {}

const DB_HELP =
  'start PostgreSQL (e.g. `pg_ctlcluster <version> main start`) or run `docker compose up -d postgres redis`, or point DATABASE_URL at a running server';

function redacted(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/**
 * Checks PostgreSQL answers at databaseUrl and creates the database when it is
 * missing and the role may. Throws ServiceUnreachableError with a one-line hint
 * instead of a driver stack trace.
 */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.end();
    return;
  } catch (error) {
    await client.end().catch(() => undefined);
    const code = (error as { code?: string }).code;
    if (code !== '3D000') {
      throw new ServiceUnreachableError(
        `Cannot connect to PostgreSQL at ${redacted(databaseUrl)} (${(error as Error).message}): ${DB_HELP}`,
      );
    }
  }
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const adminClient = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await adminClient.connect();
    await adminClient.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42P04') {
      throw new ServiceUnreachableError(
        `Database "${name}" does not exist and could not be created (${(error as Error).message}): create it or use a role allowed to`,
      );
    }
  } finally {
    await adminClient.end().catch(() => undefined);
  }
}
