import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';

/**
 * The one set of TypeORM options shared by the api, the worker and the
 * migration CLI (data-source.ts). Never synchronize: migrations only.
 */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    entities: [join(__dirname, '../../**/*.entity.{ts,js}')],
    extra: { max: 20, connectionTimeoutMillis: 5000 },
  };
}
