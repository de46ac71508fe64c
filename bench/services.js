'use strict';
// PostgreSQL and Redis chores of the bench: the fresh database, the checks on
// stored work, and removing the run's Redis keys.
const { Client } = require('pg');
const Redis = require('ioredis');

const SERVER_URL = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DATABASE = 'webhook_hub_bench';

function databaseUrl(name = DATABASE) {
  return `${SERVER_URL}/${name}`;
}

async function withClient(url, work) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** DROP … WITH (FORCE) then CREATE: every run starts from an empty database. */
async function recreateDatabase() {
  await withClient(databaseUrl('postgres'), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${DATABASE}`);
    if (process.env.BENCH_PG_LOG === '1') await client.query(`ALTER DATABASE ${DATABASE} SET log_min_duration_statement = 0; ALTER DATABASE ${DATABASE} SET log_parameter_max_length = 0`);
  });
}

async function dropDatabase() {
  await withClient(databaseUrl('postgres'), (client) => client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`));
}

async function query(sql, params = []) {
  return withClient(databaseUrl(), async (client) => (await client.query(sql, params)).rows);
}

/** What PostgreSQL holds for an endpoint's deliveries: attempts stored and deliveries by status. */
async function deliveryState(endpointIds) {
  const [attempts] = await query(
    `SELECT count(*)::int AS n FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id WHERE d.endpoint_id = ANY($1)`,
    [endpointIds],
  );
  const statuses = await query(`SELECT status, count(*)::int AS n FROM deliveries WHERE endpoint_id = ANY($1) GROUP BY status`, [endpointIds]);
  const byStatus = Object.fromEntries(statuses.map((row) => [row.status, row.n]));
  return { attempts: attempts.n, deliveries: statuses.reduce((sum, row) => sum + row.n, 0), byStatus };
}

/** Deletes every key of this run's prefix (Bull queues and the baseline list). */
async function deleteRedisKeys(prefix) {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/** Trigger requests of one webhook id by status (pending: stored and answered, not yet enrolled by the worker). */
async function triggerRequestState(webhookId) {
  const rows = await query('SELECT status, count(*)::int AS n FROM workflow_trigger_requests WHERE webhook_id = $1 GROUP BY status', [webhookId]);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Leads of the given sources by status (pending: stored and answered, not yet captured by the worker). */
async function leadState(sourceIds) {
  const rows = await query('SELECT status, count(*)::int AS n FROM leads WHERE lead_source_id = ANY($1::uuid[]) GROUP BY status', [sourceIds]);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Provider events stored for these channels, and how many the worker has applied. */
async function providerEventState(channelIds) {
  const rows = await query('SELECT count(*)::int AS stored, count(applied_at)::int AS applied FROM message_provider_events WHERE channel_id = ANY($1::uuid[])', [channelIds]);
  return rows[0];
}

/** Stored WhatsApp node events of a channel by status (pending: stored and answered, not yet applied by the worker). */
async function whatsappEventState(channelId) {
  const rows = await query('SELECT status, count(*)::int AS n FROM whatsapp_events WHERE channel_id = $1 GROUP BY status', [channelId]);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Autovacuum workers running on the bench database now (after a burst of writes they take CPU for seconds). */
async function autovacuumWorkers() {
  const rows = await query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker' AND datname = $1`, [DATABASE]);
  return rows[0].n;
}

module.exports = { DATABASE, REDIS_URL, databaseUrl, recreateDatabase, dropDatabase, query, deliveryState, triggerRequestState, leadState, providerEventState, whatsappEventState, deleteRedisKeys, autovacuumWorkers };
