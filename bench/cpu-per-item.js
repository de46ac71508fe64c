'use strict';
// CPU per item, WhatsApp node webhook beside the trigger route, for looking into one route's cost:
// the api's CPU per request (the worker paused), then the worker's CPU per applied item (the api idle),
// each as a ratio to the trigger route's in the same run. CPU time (from /proc) rather than
// throughput, so a busy machine skews it far less than the bench's req/s (it still does some).
// Usage: npm run build:api && node bench/cpu-per-item.js   (N=6000 requests per round; BENCH_CPU_PROF=api|worker profiles)
process.env.BENCH_TOPOLOGY = 'split';
process.env.WHATSAPP_NODE_SECRET ??= `cpu-probe-node-secret-${Date.now()}`;
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const { ProcessGroup } = require('./process-group');
const { startHub, hubRequest } = require('./hub-processes');
const services = require('./services');

const N = Number(process.env.N ?? 6000);
const CONNECTIONS = 16;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** User + system CPU ms of one process (Linux /proc). */
function cpuMs(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function send(route, amount) {
  return new Promise((resolve, reject) =>
    autocannon(
      {
        url: route.url,
        connections: CONNECTIONS,
        amount,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, ...route.next(), headers: { ...request.headers, ...route.headers } }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
}

async function main() {
  const group = new ProcessGroup();
  try {
    await services.recreateDatabase();
    const profile = new Set((process.env.BENCH_CPU_PROF ?? '').split(',').filter(Boolean));
    const profileDir = path.join(os.tmpdir(), 'webhook-hub-cpu-per-item');
    const hub = await startHub(group, { databaseUrl: services.databaseUrl(), redisUrl: services.REDIS_URL, queuePrefix: `cpuprobe-${Date.now()}`, profile, profileDir, deferWorker: true });
    const token = (await hubRequest(hub.apiUrl, 'POST', '/api/auth/signup', { body: { email: `cpu-${Date.now()}@example.com`, password: 'bench-password-0123', account_name: 'CPU probe' } })).body.access_token;
    const workflow = (await hubRequest(hub.apiUrl, 'POST', '/api/workflows', { token, body: { name: 'cpu probe', steps: [] } })).body;
    const channel = (await hubRequest(hub.apiUrl, 'POST', '/api/channels', { token, body: { type: 'whatsapp', name: 'cpu probe' } })).body;
    let n = 0;
    const stamp = Date.now();
    const routes = {
      trigger: {
        url: `${hub.apiUrl}/api/automation/webhook/${workflow.trigger.webhook_id}`,
        next: () => ({ body: JSON.stringify({ email: `p${stamp}-${n++}@example.com`, first_name: 'Probe' }) }),
        settled: async () => {
          const state = await services.triggerRequestState(workflow.trigger.webhook_id);
          return !state.pending && !state.processing;
        },
      },
      whatsapp: {
        url: `${hub.apiUrl}/api/whatsapp/node/webhook`,
        headers: { 'x-node-secret': process.env.WHATSAPP_NODE_SECRET },
        // 50 senders, as the bench's WhatsApp phase: most messages come from a contact that exists.
        next: () => ({
          body: JSON.stringify({
            event: 'messages.upsert',
            session_id: channel.session_id,
            data: { key: { remoteJid: `3461200${String(n % 50).padStart(4, '0')}@s.whatsapp.net`, fromMe: false, id: `3EB0P${stamp}${n++}` }, message: { conversation: `Probe ${n}` }, messageTimestamp: String(Math.floor(Date.now() / 1000)), pushName: 'Probe contact' },
          }),
        }),
        settled: async () => {
          const state = await services.whatsappEventState(channel.id);
          return !state.pending && !state.processing;
        },
      },
    };
    const api = {};
    const worker = {};
    await hub.startWorker();
    const workerPid = hub.worker.pid;
    // A warm-up round (JIT, caches), then two measured rounds per route.
    for (const round of [0, 1, 2]) {
      for (const [name, route] of Object.entries(routes)) {
        process.kill(workerPid, 'SIGSTOP');
        const apiBefore = cpuMs(hub.api.pid);
        const result = await send(route, round === 0 ? 1000 : N);
        const apiUs = ((cpuMs(hub.api.pid) - apiBefore) * 1000) / result.requests.total;
        const workerBefore = cpuMs(workerPid);
        const startedAt = Date.now();
        process.kill(workerPid, 'SIGCONT');
        while (!(await route.settled())) await sleep(100);
        const workerUs = ((cpuMs(workerPid) - workerBefore) * 1000) / result.requests.total;
        const perSecond = result.requests.total / ((Date.now() - startedAt) / 1000);
        process.stderr.write(`round ${round} ${name}: ${result.requests.total} requests (${result.non2xx} not 2xx) · api ${Math.round(apiUs)} µs/request · worker ${Math.round(workerUs)} µs/item, ${Math.round(perSecond)} applied/s\n`);
        if (round > 0) {
          (api[name] ??= []).push(apiUs);
          (worker[name] ??= []).push(workerUs);
        }
      }
    }
    const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
    const line = (what, figures) => `${what}: trigger ${Math.round(mean(figures.trigger))} µs · WhatsApp ${Math.round(mean(figures.whatsapp))} µs · ratio ${(mean(figures.whatsapp) / mean(figures.trigger)).toFixed(2)}`;
    process.stdout.write(`${line('api CPU per request', api)}\n${line('worker CPU per applied item', worker)}\nload average at end ${os.loadavg()[0].toFixed(2)}\n`);
  } finally {
    await group.stopAll(15_000);
    await services.dropDatabase();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);
