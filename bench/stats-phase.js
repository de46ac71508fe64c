'use strict';
// The stats phase (issue 21): seeds delivery attempts for the bench account
// straight into PostgreSQL, lets the worker's rollup catch up, then times the
// stats routes as the overview calls them. See bench/README.md, "stats".
const { Client } = require('pg');
const services = require('./services');
const { hubRequest } = require('./hub-processes');
const { summarize } = require('./stats');

// How many attempts to seed (the 10 million); fewer when seeding would not fit the time left (the row says how many).
const TARGET_ATTEMPTS = Number(process.env.BENCH_STATS_ATTEMPTS ?? 10_000_000);
// Requests per route, one after another (a chart loading), for p50 / p99.
const REQUESTS = Number(process.env.BENCH_STATS_REQUESTS ?? 50);
const ENDPOINTS = 20;
// Each INSERT seeds this many attempts (and half as many deliveries); after each the phase checks the clock.
const CHUNK_ATTEMPTS = 1_000_000;
const WEEK_SECONDS = 7 * 24 * 3600;
// The routes the overview and the webhooks screen call.
const ROUTES = [
  '/api/stats/deliveries?range=7d',
  '/api/stats/deliveries?range=24h',
  '/api/stats/deliveries?range=1h',
  '/api/stats/endpoints?range=24h',
  '/api/stats/endpoints?range=7d&limit=5',
  '/api/stats/inbound?range=7d',
  '/api/stats/queues',
];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Ids and times follow the sequence number, so every index takes rows at one
 * edge (a random uuid per row would make the seeding I/O-bound). Delivery k
 * is k / (TARGET_ATTEMPTS / 2) of a week old: the newest first, so a seeding
 * cut short by the time budget still fills the hour and the day. It has two
 * attempts: 90 % fail once then succeed, 5 % fail twice for good, 5 % fail
 * twice and wait for a retry (a day away, so the worker leaves them alone).
 */
async function seedChunk(accountId, endpointIds, fromDelivery, deliveries) {
  const seq = `lpad(to_hex(k), 12, '0')`;
  // A bulk load whose rows are consistent by construction: no foreign-key trigger per row (replica role), no wait for the WAL flush.
  const client = new Client({ connectionString: services.databaseUrl() });
  await client.connect();
  await client.query('SET session_replication_role = replica');
  await client.query('SET synchronous_commit = off');
  try {
  const at = `now() - interval '2 seconds' - make_interval(secs => ${WEEK_SECONDS} * k::float8 / ${TARGET_ATTEMPTS / 2})`;
  await client.query(
    `INSERT INTO deliveries (id, account_id, endpoint_id, event_id, event_type, url, status, attempt_count, next_attempt_at, created_at, completed_at)
     SELECT ('00000000-0000-4000-8000-' || ${seq})::uuid, $1, ($2::uuid[])[1 + k % array_length($2::uuid[], 1)], 'evt_stats_' || ${seq}, 'custom.stats',
            'https://stats.example.com/hook',
            CASE WHEN k % 20 = 0 THEN 'failed' WHEN k % 20 = 1 THEN 'pending' ELSE 'succeeded' END, 2,
            now() + interval '1 day', ${at}, CASE WHEN k % 20 = 1 THEN NULL ELSE ${at} END
       FROM generate_series($3::bigint, $3::bigint + $4 - 1) AS k`,
    [accountId, endpointIds, fromDelivery, deliveries],
  );
  await client.query(
    `INSERT INTO delivery_attempts (id, delivery_id, account_id, n, status_code, duration_ms, error, request_headers, created_at)
     SELECT ('00000001-0000-4000-8000-' || lpad(to_hex(k * 2 + n), 12, '0'))::uuid, ('00000000-0000-4000-8000-' || ${seq})::uuid, $1, n,
            CASE WHEN n = 2 AND k % 20 > 1 THEN 200 ELSE 503 END, 40 + (k * 7 + n * 13) % 400, NULL, '{}', ${at} + make_interval(secs => n - 1)
       FROM generate_series($2::bigint, $2::bigint + $3 - 1) AS k, generate_series(1, 2) AS n`,
    [accountId, fromDelivery, deliveries],
  );
  } finally {
    await client.end();
  }
}

/** Seeds up to TARGET_ATTEMPTS attempts, stopping early when the next chunk would not fit in `seedBudgetMs`. */
async function seed(accountId, endpointIds, seedBudgetMs, log) {
  const startedAt = Date.now();
  let attempts = 0;
  while (attempts < TARGET_ATTEMPTS) {
    const chunk = Math.min(CHUNK_ATTEMPTS, TARGET_ATTEMPTS - attempts);
    const elapsed = Date.now() - startedAt;
    if (attempts > 0 && elapsed + (elapsed / attempts) * chunk > seedBudgetMs) {
      log(`  stats: seeding stopped at ${attempts} attempts to fit the time budget`);
      break;
    }
    await seedChunk(accountId, endpointIds, attempts / 2, chunk / 2);
    attempts += chunk;
    log(`  stats: seeded ${attempts} attempts (${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
  }
  const analyzeStartedAt = Date.now();
  // A bulk load leaves the planner's statistics behind until autovacuum's next analyze; a live table has them.
  await services.query('ANALYZE deliveries, delivery_attempts');
  return { attempts, deliveries: attempts / 2, seedMs: analyzeStartedAt - startedAt, analyzeMs: Date.now() - analyzeStartedAt };
}

/**
 * The seeded attempts are back-dated, before the rollup's progress mark: the
 * phase sets the mark back to null (as on an install upgraded with a week of
 * attempts) and times the worker's first rollup, which the sweeper starts
 * within WEBHOOK_SWEEP_INTERVAL_MS.
 */
async function waitForRollup(timeoutMs, log) {
  await services.query('UPDATE delivery_rollup_progress SET rolled_up_to = NULL WHERE id = 1');
  const startedAt = Date.now();
  for (;;) {
    const [state] = await services.query(
      `SELECT rolled_up_to IS NOT NULL AND rolled_up_to >= now() - interval '10 minutes' AND (locked_until IS NULL OR locked_until < now()) AS done,
              (SELECT count(*)::int FROM delivery_rollups) AS rows
         FROM delivery_rollup_progress WHERE id = 1`,
    );
    if (state.done) return { complete: true, rollupMs: Date.now() - startedAt, rows: state.rows };
    if (Date.now() - startedAt > timeoutMs) {
      log('  stats: gave up waiting for the rollup');
      return { complete: false, rollupMs: Date.now() - startedAt, rows: state.rows };
    }
    await sleep(500);
  }
}

async function timeRoutes(apiUrl, token) {
  const routes = [];
  for (const route of ROUTES) {
    const samples = [];
    let errors = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const started = process.hrtime.bigint();
      const response = await hubRequest(apiUrl, 'GET', route, { token });
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (response.status !== 200) errors++;
    }
    routes.push({ route, errors, latencyMs: summarize(samples) });
  }
  return routes;
}

async function statsPhase({ apiUrl, token, accountId, remainingMs, log }) {
  log(`stats: seeding up to ${TARGET_ATTEMPTS} delivery attempts for one account`);
  const endpoints = await services.query(
    `INSERT INTO endpoints (account_id, url, description, event_types, secret_encrypted)
     SELECT $1, 'https://stats-' || i || '.example.com/hook', 'stats endpoint ' || i, ARRAY['custom.stats-never-published'], 'not-a-secret'
       FROM generate_series(1, $2) AS i RETURNING id`,
    [accountId, ENDPOINTS],
  );
  // Seeding gets 40 % of what is left, the rollup 35 %; the timed requests take seconds.
  const seeded = await seed(accountId, endpoints.map((row) => row.id), remainingMs() * 0.4, log);
  const rollup = await waitForRollup(Math.max(30_000, remainingMs() * 0.6), log);
  log(`stats: rollup ${rollup.complete ? 'done' : 'incomplete'} in ${(rollup.rollupMs / 1000).toFixed(1)} s; timing ${ROUTES.length} routes × ${REQUESTS}`);
  const [check] = await hubRequest(apiUrl, 'GET', '/api/stats/deliveries?range=7d', { token }).then((res) => [res.body]);
  const counted = check ? check.totals.succeeded + check.totals.failed + check.totals.retrying : null;
  const routes = await timeRoutes(apiUrl, token);
  return { available: true, ...seeded, rollup, counted, routes, requests: REQUESTS };
}

module.exports = { statsPhase, seed, TARGET_ATTEMPTS };
