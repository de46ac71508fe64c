import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../libs/database/src/data-source-options';
import { runMigrations } from '../libs/database/src/run-migrations';
import { adminQuery, databaseUrl, TEMPLATE_DB } from './test-database';

/**
 * Builds a migrated template database once per run; each e2e suite then gets a
 * fresh copy (CREATE DATABASE … TEMPLATE), with the real migrations applied.
 */
export default async function globalSetup(): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${TEMPLATE_DB}`);
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl(TEMPLATE_DB)), entities: [] });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
