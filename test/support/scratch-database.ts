import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { adminQuery, databaseUrl } from '../test-database';

/**
 * An empty PostgreSQL database of its own, through TypeORM, for unit specs of
 * SQL-built pieces (leases, sweeps, purges, transaction hooks): they create
 * the tables they need. close() drops it.
 */
export async function scratchDatabase(): Promise<{ dataSource: DataSource; close(): Promise<void> }> {
  const name = `scratch_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl(name), entities: [], poolSize: 5 });
  await dataSource.initialize();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
