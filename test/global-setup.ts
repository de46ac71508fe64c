import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '../libs/database/src';
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
