import { Client } from 'pg';

export const TEST_SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
// TEST_TEMPLATE_DB lets two test runs share one PostgreSQL server (each builds and drops its own template).
export const TEMPLATE_DB = process.env.TEST_TEMPLATE_DB ?? 'webhook_hub_test_template';

export function databaseUrl(name: string): string {
  return `${TEST_SERVER_URL}/${name}`;
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
