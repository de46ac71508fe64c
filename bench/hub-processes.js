'use strict';
// Starts the hub from the build as two child processes — the api
// (dist/apps/api/src/main.js, migrates) and then the worker
// (dist/apps/worker/src/main.js) — and talks to the api over loopback.
const net = require('node:net');
const path = require('node:path');
const fs = require('node:fs');
const crypto = require('node:crypto');

const ROOT = path.resolve(__dirname, '..');
const API_MAIN = path.join(ROOT, 'dist/apps/api/src/main.js');
const WORKER_MAIN = path.join(ROOT, 'dist/apps/worker/src/main.js');
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** A free loopback port (bind to 0, read it, close). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(group, child, url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${child.benchName} exited (${child.signalCode ?? child.exitCode}) before ${url} answered\n${group.tailOf(child)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${last})\n${group.tailOf(child)}`);
}

/**
 * The environment both processes share. Anything else set in the caller's
 * environment (e.g. WEBHOOK_DELIVERY_CONCURRENCY) is passed through; what the
 * bench depends on is set here.
 */
function hubEnvironment({ databaseUrl, redisUrl, queuePrefix }) {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // npm's or the user's; profiling is asked for with BENCH_CPU_PROF
  return {
    ...env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_QUEUE_PREFIX: queuePrefix,
    JWT_SECRET: crypto.randomBytes(32).toString('hex'),
    APP_SECRET_KEY: crypto.randomBytes(32).toString('hex'),
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    LOG_LEVEL: 'warn',
    SIGNUP_ENABLED: 'true',
    // Seeded admin with a known address, so the hub does not print a generated password into the logs the bench keeps.
    ADMIN_EMAIL: 'bench-admin@example.com',
    ADMIN_PASSWORD: crypto.randomBytes(18).toString('base64url'),
  };
}

/**
 * api first (it migrates the fresh database), the worker once the api is
 * listening. `profile` is a set of roles to run under --cpu-prof.
 */
async function startHub(group, { databaseUrl, redisUrl, queuePrefix, profile, profileDir, ioCounterDir, deferWorker = false }) {
  for (const file of [API_MAIN, WORKER_MAIN]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run "npm run build:api" (npm run bench does)`);
  }
  const env = hubEnvironment({ databaseUrl, redisUrl, queuePrefix });
  const [apiPort, workerPort] = [await freePort(), await freePort()];
  // The node flags the product runs each process with (package.json start:api / start:worker, as the Dockerfile and
  // docker-compose.yml do), so the bench measures the processes as shipped.
  const shipped = (role) => (PACKAGE.scripts[`start:${role}`] ?? '').split(/\s+/).filter((arg) => arg.startsWith('--'));
  // Node 20 refuses --cpu-prof in NODE_OPTIONS, so it goes on the command line.
  // BENCH_HUB_NODE_ARGS: extra node flags for both processes (e.g. "--max-old-space-size=256" or "--require ./diag.js").
  const extra = (process.env.BENCH_HUB_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const counting = ioCounterDir ? ['--require', path.join(__dirname, 'io-counter.js')] : [];
  const nodeArgs = (role, main) => [...shipped(role), ...extra, ...counting, ...(profile.has(role) ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, role)}`] : []), main];
  const counterEnv = (role) => (ioCounterDir ? { BENCH_IO_COUNTER_FILE: path.join(ioCounterDir, `${role}.json`) } : {});
  if (ioCounterDir) fs.mkdirSync(ioCounterDir, { recursive: true });

  const api = group.spawn('api', process.execPath, nodeArgs('api', API_MAIN), {
    cwd: ROOT,
    env: { ...env, ...counterEnv('api'), PORT: String(apiPort), PUBLIC_URL: `http://127.0.0.1:${apiPort}`, DB_MIGRATE: 'true' },
  });
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  await waitForHealth(group, api, `${apiUrl}/api/health`, 60_000);

  const hub = { api, worker: null, apiUrl, workerUrl: `http://127.0.0.1:${workerPort}` };
  /** Starts the worker (startHub does unless deferWorker): a phase can measure the api with nothing else running. */
  hub.startWorker = async () => {
    hub.worker = group.spawn('worker', process.execPath, nodeArgs('worker', WORKER_MAIN), {
      cwd: ROOT,
      env: { ...env, ...counterEnv('worker'), PORT: String(workerPort), PUBLIC_URL: `http://127.0.0.1:${workerPort}`, DB_MIGRATE: 'false' },
    });
    await waitForHealth(group, hub.worker, `${hub.workerUrl}/api/health`, 60_000);
  };
  if (!deferWorker) await hub.startWorker();
  /** Running PostgreSQL-query / Redis-command totals of both processes (only with ioCounterDir). */
  const ioCounts = () => {
    if (!ioCounterDir) return null;
    const read = (role) => {
      try {
        return JSON.parse(fs.readFileSync(path.join(ioCounterDir, `${role}.json`), 'utf8'));
      } catch {
        return { pg: 0, redis: 0 };
      }
    };
    return { api: read('api'), worker: read('worker') };
  };
  hub.ioCounts = ioCounts;
  return hub;
}

/** One JSON request to the hub. */
async function hubRequest(apiUrl, method, route, { token, body } = {}) {
  const response = await fetch(`${apiUrl}${route}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: response.status, body: json, text };
}

/** The answer's JSON when its status is one of `expected` (a number or a list), else an error naming both. */
async function expectStatus(promise, expected, what) {
  const response = await promise;
  const allowed = [].concat(expected);
  if (!allowed.includes(response.status)) throw new Error(`${what}: expected ${allowed.join(' or ')}, got ${response.status} ${response.text.slice(0, 300)}`);
  return response.body;
}

module.exports = { startHub, hubRequest, expectStatus, freePort };
