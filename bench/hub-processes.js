'use strict';
// Starts the hub from the build and talks to its api over loopback. Two
// topologies (BENCH_TOPOLOGY):
// - `npm-start` (default): what `npm start` runs — the supervisor
//   (dist/apps/supervisor/src/main.js: migrates, then HUB_API_PROCESSES api
//   processes sharing one port and HUB_WORKER_PROCESSES workers, at their
//   defaults unless set in the environment);
// - `split`: one api process (dist/apps/api/src/main.js, migrates) and one
//   worker process (dist/apps/worker/src/main.js), as `npm run start:api` and
//   `npm run start:worker` run them (and as docker-compose.yml does);
// - `single`: api and worker in one process, as `npm run start:single` runs
//   them (no intake-alone phase: there is no worker to hold back).
const net = require('node:net');
const path = require('node:path');
const fs = require('node:fs');
const crypto = require('node:crypto');

const ROOT = path.resolve(__dirname, '..');
const API_MAIN = path.join(ROOT, 'dist/apps/api/src/main.js');
const WORKER_MAIN = path.join(ROOT, 'dist/apps/worker/src/main.js');
const SUPERVISOR_MAIN = path.join(ROOT, 'dist/apps/supervisor/src/main.js');
const SINGLE_MAIN = path.join(ROOT, 'dist/apps/all-in-one/src/main.js');
const TOPOLOGIES = ['npm-start', 'split', 'single'];
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

/** The topology asked for (BENCH_TOPOLOGY), checked against what it can measure. */
function topologyOf(env, { profile, ioCounterDir }) {
  const topology = env.BENCH_TOPOLOGY ?? 'npm-start';
  if (!TOPOLOGIES.includes(topology)) throw new Error(`BENCH_TOPOLOGY must be one of ${TOPOLOGIES.join(', ')}`);
  // The supervisor starts its processes with its own node flags: --cpu-prof and the I/O counter need the roles apart.
  if (topology !== 'split' && (profile.size > 0 || ioCounterDir)) throw new Error('BENCH_CPU_PROF and BENCH_COUNT_IO need BENCH_TOPOLOGY=split');
  return topology;
}

/** The supervisor's children by role, from /proc (ppid and command line); they change when one is restarted. */
function childrenOf(supervisorPid) {
  const found = { api: [], worker: [] };
  if (!supervisorPid) return found;
  let entries = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== supervisorPid) continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes('apps/api/src/main.js')) found.api.push(Number(entry));
      else if (cmdline.includes('apps/worker/src/main.js')) found.worker.push(Number(entry));
    } catch {
      /* exited meanwhile */
    }
  }
  return found;
}

async function waitForLine(group, child, pattern, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!child.tail.some((line) => pattern.test(line))) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${child.benchName} exited (${child.signalCode ?? child.exitCode}) before saying ${pattern}\n${group.tailOf(child)}`);
    if (Date.now() > deadline) throw new Error(`${child.benchName} did not say ${pattern} within ${timeoutMs} ms\n${group.tailOf(child)}`);
    await sleep(100);
  }
}

/**
 * `npm start`'s topology. With deferWorker the first supervisor runs the api
 * processes only (HUB_WORKER_PROCESSES=0) and startWorker() starts a second
 * supervisor with the workers only (HUB_API_PROCESSES=0): the same processes
 * as one supervisor, plus one idle parent.
 */
async function startSupervisedHub(group, { databaseUrl, redisUrl, queuePrefix, deferWorker }) {
  if (!fs.existsSync(SUPERVISOR_MAIN)) throw new Error(`${path.relative(ROOT, SUPERVISOR_MAIN)} is missing: run "npm run build:api" (npm run bench does)`);
  const env = hubEnvironment({ databaseUrl, redisUrl, queuePrefix });
  // The counts the supervisor will use: its defaults, or what the caller's environment sets.
  const { loadConfig } = require(path.join(ROOT, 'dist/libs/config/src'));
  const config = loadConfig(env);
  const counts = { api: config.hubApiProcesses, worker: config.hubWorkerProcesses };
  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const listening = /Webhook Hub listening/;
  const main = group.spawn('hub', process.execPath, [SUPERVISOR_MAIN], {
    cwd: ROOT,
    env: { ...env, PORT: String(apiPort), PUBLIC_URL: apiUrl, DB_MIGRATE: 'true', ...(deferWorker ? { HUB_WORKER_PROCESSES: '0' } : {}) },
  });
  await waitForLine(group, main, listening, 60_000);
  await waitForHealth(group, main, `${apiUrl}/api/health`, 60_000);
  let workers = deferWorker ? null : main;
  const hub = {
    topology: `npm start: supervisor, ${counts.api} api process(es) sharing the port, ${counts.worker} worker(s)`,
    counts,
    apiUrl,
    get workerStarted() {
      return workers !== null;
    },
    async startWorker() {
      if (workers) return;
      workers = group.spawn('hub-workers', process.execPath, [SUPERVISOR_MAIN], {
        cwd: ROOT,
        env: { ...env, HUB_API_PROCESSES: '0', HUB_WORKER_PROCESSES: String(counts.worker), DB_MIGRATE: 'false' },
      });
      await waitForLine(group, workers, listening, 60_000);
    },
    /** Pids by role, read now. */
    pids() {
      const first = childrenOf(main.pid);
      const second = workers && workers !== main ? childrenOf(workers.pid) : { worker: [] };
      return { api: first.api, worker: [...first.worker, ...second.worker], supervisor: [main.pid, ...(workers && workers !== main ? [workers.pid] : [])] };
    },
    tails: () => ({ hub: [...main.tail], ...(workers && workers !== main ? { workers: [...workers.tail] } : {}) }),
    ioCounts: () => null,
  };
  return hub;
}

/** `npm run start:single`: one process; its CPU and memory are reported as the api's. */
async function startSingleHub(group, { databaseUrl, redisUrl, queuePrefix }) {
  const env = hubEnvironment({ databaseUrl, redisUrl, queuePrefix });
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const shipped = (PACKAGE.scripts['start:single'] ?? '').split(/\s+/).filter((arg) => arg.startsWith('--'));
  const single = group.spawn('hub', process.execPath, [...shipped, SINGLE_MAIN], { cwd: ROOT, env: { ...env, PORT: String(port), PUBLIC_URL: apiUrl, DB_MIGRATE: 'true' } });
  await waitForHealth(group, single, `${apiUrl}/api/health`, 60_000);
  return {
    topology: 'single: api and worker in one process (npm run start:single; its CPU and memory are in the api column)',
    counts: { api: 1, worker: 0 },
    apiUrl,
    workerStarted: true,
    startWorker: async () => undefined,
    pids: () => ({ api: [single.pid], worker: [] }),
    tails: () => ({ hub: [...single.tail] }),
    ioCounts: () => null,
  };
}

/** The hub in the topology BENCH_TOPOLOGY names (default: what `npm start` runs). */
async function startHub(group, options) {
  const topology = topologyOf(process.env, options);
  if (topology === 'single') return startSingleHub(group, options);
  return topology === 'split' ? startSplitHub(group, options) : startSupervisedHub(group, options);
}

/**
 * api first (it migrates the fresh database), the worker once the api is
 * listening. `profile` is a set of roles to run under --cpu-prof.
 */
async function startSplitHub(group, { databaseUrl, redisUrl, queuePrefix, profile, profileDir, ioCounterDir, deferWorker = false }) {
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

  const hub = {
    topology: 'split: one api process, one worker process (npm run start:api / start:worker)',
    counts: { api: 1, worker: 1 },
    api,
    worker: null,
    apiUrl,
    workerUrl: `http://127.0.0.1:${workerPort}`,
    get workerStarted() {
      return hub.worker !== null;
    },
    pids: () => ({ api: [api.pid], worker: hub.worker ? [hub.worker.pid] : [] }),
    tails: () => ({ api: [...api.tail], ...(hub.worker ? { worker: [...hub.worker.tail] } : {}) }),
  };
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
