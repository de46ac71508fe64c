'use strict';
// The durable-ingest baseline: the floor any durable ingest pays on this
// machine. A bare node:http server that parses the JSON body, INSERTs it into
// PostgreSQL (a table of its own in the bench database, pg Pool of 20 like the
// hub) and LPUSHes the new id to Redis, then answers 200. Nothing else: no
// framework, no validation, no auth, no logging.
const http = require('node:http');
const { Pool } = require('pg');
const Redis = require('ioredis');

const DATABASE_URL = process.env.DATABASE_URL;
const REDIS_URL = process.env.REDIS_URL;
const LIST_KEY = process.env.BASELINE_REDIS_KEY;
if (!DATABASE_URL || !REDIS_URL || !LIST_KEY) throw new Error('DATABASE_URL, REDIS_URL and BASELINE_REDIS_KEY are required');

const pool = new Pool({ connectionString: DATABASE_URL, max: 20 });
const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });

function answer(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST') return answer(res, 405, { error: 'POST only' });
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return answer(res, 400, { error: 'malformed JSON' });
    }
    try {
      const { rows } = await pool.query('INSERT INTO baseline_ingest (email, body) VALUES ($1, $2) RETURNING id', [String(body.email ?? ''), body]);
      await redis.lpush(LIST_KEY, rows[0].id);
      answer(res, 200, { ok: true, id: rows[0].id });
    } catch (error) {
      answer(res, 503, { error: error.message });
    }
  });
});
server.keepAliveTimeout = 30_000;

async function main() {
  await pool.query(
    `CREATE TABLE IF NOT EXISTS baseline_ingest (
       id bigserial PRIMARY KEY,
       email text NOT NULL,
       body jsonb NOT NULL,
       received_at timestamptz NOT NULL DEFAULT now())`,
  );
  server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.address().port }));
}

process.on('message', async (message) => {
  if (message.cmd === 'count') {
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM baseline_ingest');
    process.send({ id: message.id, rows: rows[0].n, listLength: await redis.llen(LIST_KEY) });
  }
});
async function shutdown() {
  server.close();
  await Promise.allSettled([pool.end(), redis.quit()]);
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('disconnect', shutdown);

main().catch((error) => {
  process.stderr.write(`baseline server: ${error.message}\n`);
  process.exit(1);
});
