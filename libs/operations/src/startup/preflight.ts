import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '@hub/config';
import { dataSourceOptions, ensureDatabase, runMigrations, ServiceUnreachableError } from '@hub/database';

const REDIS_HELP = 'start Redis (e.g. `redis-server --daemonize yes`) or run `docker compose up -d postgres redis`, or point REDIS_URL at a running server';

async function checkRedis(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 3000, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new ServiceUnreachableError(`Cannot connect to Redis at ${url.replace(/\/\/[^@/]*@/, '//***@')} (${(error as Error).message}): ${REDIS_HELP}`);
  } finally {
    client.disconnect();
  }
}

/**
 * Before Nest boots: PostgreSQL answers (database created if missing), Redis
 * answers, and pending migrations are applied unless DB_MIGRATE=false. Each
 * failure is one line that says what to do.
 */
export async function preflight(config: AppConfig, log: (line: string) => void = () => undefined): Promise<void> {
  await ensureDatabase(config.databaseUrl);
  await checkRedis(config.redisUrl);
  if (!config.dbMigrate) return;
  const dataSource = new DataSource({ ...dataSourceOptions(config.databaseUrl), entities: [] });
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource);
    if (applied.length > 0) log(`Applied migrations: ${applied.join(', ')}`);
  } finally {
    await dataSource.destroy();
  }
}
