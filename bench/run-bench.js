'use strict';
// `npm run bench`: the performance issue's benchmark. Figures only, never
// pass/fail: targets are printed as information and the exit code is 0 unless
// the bench itself broke. Every figure is measured in this run beside its
// baseline; load comes from a separate process (autocannon in a forked
// child); everything talks over 127.0.0.1; the whole run is bounded in time.
// See bench/README.md for what each figure means.
const os = require('node:os');
const path = require('node:path');
const fs = require('node:fs');
const crypto = require('node:crypto');
const { ProcessGroup, peakRssMiB, ask, waitForMessage } = require('./process-group');
const services = require('./services');
const { startHub, hubRequest, expectStatus } = require('./hub-processes');
const report = require('./report');
const { summarizeProfile, printSummary } = require('./profile-summary');
const cpuMeter = require('./cpu-meter');
const { statsPhase } = require('./stats-phase');

const { int, ms, mib, ratio, target } = report;

// ---- settings (the issue's figures) -------------------------------------------------------
const CONNECTIONS = 64;
const INGEST_SECONDS = 10;
const RECEIVER_FLOOR_SECONDS = 5;
const THROUGHPUT_EVENTS = 10_000; // M
const WARM_UP_EVENTS = 2_000; // before M, not counted
const FIXED_RATE = 1_000; // events/s
const FIXED_RATE_SECONDS = 10;
const FANOUT_ENDPOINTS = 50;
const FANOUT_EVENTS = 200;
// The load generator publishes this type; bench endpoints subscribe to it only, so events the hub
// publishes itself (contact.created, workflow.* from the ingest phase) never count as bench deliveries.
const BENCH_EVENT_TYPE = 'custom.bench';
// The production-start issue's targets, as ratios to the same-run durable-ingest baseline (absolute figures differ by machine).
const TARGETS = { ingestRatio: 0.6, ingestP99Ms: 50, deliveriesRatio: 0.5, endToEndP99Ms: 200, apiRssMiB: 300 };
// The whole run (after the build npm does first) stays under this; drain waits shrink to fit.
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 560_000);
const CLEANUP_RESERVE_MS = 25_000;
// Caps of the open-ended steps (seconds); with the fixed steps they fit the budget even when the hub is slow.
const CAPS = { whatsappDrain: 45, espDrain: 60, leadDrain: 45, enrolmentDrain: 90, throughputPublish: 100, throughputDrain: 45, fixedRateDrain: 30, fanOutPublish: 30, fanOutDrain: 60 };

const LOAD_GENERATOR = path.join(__dirname, 'load-generator.js');
const RECEIVER = path.join(__dirname, 'receiver.js');
const BASELINE_SERVER = path.join(__dirname, 'baseline-server.js');
const FAKE_GRAPH = path.join(__dirname, 'fake-graph.js');
// Each lead route gets its own short load, beside the same-run baseline.
const LEAD_SECONDS = 5;
// ESP delivery webhooks: single Mailgun events, and SendGrid batches of ESP_BATCH events.
const ESP_SECONDS = 5;
const ESP_BATCH = 100;
// The WhatsApp node webhook: the same short load. The hub is started with this node secret.
const WHATSAPP_SECONDS = 5;
const WHATSAPP_NODE_SECRET = crypto.randomBytes(24).toString('hex');
// SPEC's target for the node webhook, as for the ingest route: a ratio to the same-run durable-ingest baseline.
const WHATSAPP_TARGET_RATIO = 0.6;

const startedAt = new Date();
const t0 = Date.now();
const remainingMs = () => BUDGET_MS - (Date.now() - t0) - CLEANUP_RESERVE_MS;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line) => process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${line}\n`);

const runId = `${report.isoBasic(startedAt).toLowerCase()}-${crypto.randomBytes(3).toString('hex')}`;
const queuePrefix = `whbench-${runId}`;
const profileRoles = new Set((process.env.BENCH_CPU_PROF ?? '').split(',').map((s) => s.trim()).filter(Boolean));
const profileDir = path.join(os.tmpdir(), 'webhook-hub-bench-profiles', runId);
const countIo = process.env.BENCH_COUNT_IO === '1';
// One process holds api and worker in the `single` topology: there is no worker to hold back.
const intakeAlone = process.env.BENCH_INTAKE_ALONE !== '0' && process.env.BENCH_TOPOLOGY !== 'single';
// BENCH_PHASES=esp,whatsapp runs only the named phases (after the baseline), to look at one route quickly; all by default.
const PHASES = ['intake-alone', 'ingest', 'outbound', 'fan-out', 'esp', 'whatsapp', 'leads', 'stats'];
const chosenPhases = (process.env.BENCH_PHASES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
for (const name of chosenPhases) if (!PHASES.includes(name)) throw new Error(`BENCH_PHASES: unknown phase ${name} (phases: ${PHASES.join(', ')})`);
const runs = (name) => chosenPhases.length === 0 || chosenPhases.includes(name);
const NOT_RUN = { available: false, reason: 'not run (BENCH_PHASES)' };
const ioCounterDir = countIo ? path.join(os.tmpdir(), 'webhook-hub-bench-io', runId) : null;

const group = new ProcessGroup();
let publisherKey = null;

// ---- helpers ------------------------------------------------------------------------------

async function forkReady(name, file, env) {
  const child = group.fork(name, file, { env });
  const ready = await waitForMessage(group, child, 'ready', 20_000);
  return { child, port: ready.port };
}

/** One load phase from its own process: fork the generator, run autocannon, stop it. */
async function load(name, options) {
  const { child } = await forkReady(`load-${name}`, LOAD_GENERATOR, {});
  try {
    const limit = (options.durationSeconds ?? options.stopAfterSeconds) * 1000 + 30_000;
    return await ask(child, { cmd: 'run', options }, limit);
  } finally {
    await group.stop(child, 2_000);
  }
}

/**
 * Waits until the receiver holds `expected` distinct deliveries of a phase,
 * bounded by timeoutMs (and the run's budget) and by 20 s without progress.
 */
async function waitForReceipts(receiver, phase, expected, timeoutMs) {
  const deadline = Date.now() + Math.max(1_000, Math.min(timeoutMs, remainingMs()));
  let stats;
  let progressAt = Date.now();
  let seen = -1;
  for (;;) {
    stats = await ask(receiver, { cmd: 'stats', phase });
    if (stats.unique >= expected) return { ...stats, expected, complete: true };
    if (stats.unique !== seen) {
      seen = stats.unique;
      progressAt = Date.now();
    }
    if (Date.now() >= deadline || Date.now() - progressAt > 20_000) {
      log(`  ${phase}: gave up waiting with ${stats.unique} of ${expected} received`);
      return { ...stats, expected, complete: false };
    }
    await sleep(100);
  }
}

/** Attempts are stored after the receiver answered: poll PostgreSQL briefly until they are all there. */
async function waitForStoredAttempts(endpointIds, expected, timeoutMs = 15_000) {
  const deadline = Date.now() + Math.max(1_000, Math.min(timeoutMs, remainingMs()));
  for (;;) {
    const state = await services.deliveryState(endpointIds);
    if ((state.attempts >= expected && (state.byStatus.succeeded ?? 0) >= expected) || Date.now() > deadline) return state;
    await sleep(250);
  }
}

const perSecond = (count, fromMs, toMs) => (toMs > fromMs ? count / ((toMs - fromMs) / 1000) : null);

// BENCH_COUNT_IO=1: PostgreSQL queries and Redis commands of api and worker between two snapshots.
let ioCounts = () => null;
async function ioSnapshot(settleMs = 0) {
  if (!countIo) return null;
  if (settleMs) await sleep(settleMs); // the counters are written every 100 ms; work may still be finishing
  return ioCounts();
}
function ioDelta(before, after) {
  if (!before || !after) return null;
  const d = (role, kind) => after[role][kind] - before[role][kind];
  return { api: { pg: d('api', 'pg'), redis: d('api', 'redis') }, worker: { pg: d('worker', 'pg'), redis: d('worker', 'redis') } };
}

// Where each load phase's CPU went (api, worker, receiver by pid; PostgreSQL and Redis by process name).
let hubPids = () => ({});
const cpuSnapshot = (extra = {}) => cpuMeter.snapshot({ ...hubPids(), ...extra });
const cpuSince = (before, extra = {}) => cpuMeter.delta(before, cpuSnapshot(extra), os.cpus().length);

// ---- phases -------------------------------------------------------------------------------

async function receiverFloor(receiverPort) {
  log(`receiver floor: autocannon -> receiver, ${CONNECTIONS} connections, ${RECEIVER_FLOOR_SECONDS} s`);
  return load('receiver-floor', {
    url: `http://127.0.0.1:${receiverPort}/floor`,
    connections: CONNECTIONS,
    durationSeconds: RECEIVER_FLOOR_SECONDS,
    body: { kind: 'event', run: runId, phase: 'floor' },
  });
}

async function baselinePhase() {
  log('durable-ingest baseline: starting bare node:http + pg + ioredis server');
  const { child, port } = await forkReady('baseline-server', BASELINE_SERVER, {
    DATABASE_URL: services.databaseUrl(),
    REDIS_URL: services.REDIS_URL,
    BASELINE_REDIS_KEY: `${queuePrefix}:baseline`,
  });
  log(`durable-ingest baseline: ${CONNECTIONS} connections, ${INGEST_SECONDS} s`);
  const cpuBefore = cpuMeter.snapshot({ baselineServer: child.pid });
  const result = await load('baseline', {
    url: `http://127.0.0.1:${port}/ingest`,
    connections: CONNECTIONS,
    durationSeconds: INGEST_SECONDS,
    body: { kind: 'contact', run: runId, phase: 'baseline' },
  });
  const cpu = cpuMeter.delta(cpuBefore, cpuMeter.snapshot({ baselineServer: child.pid }), os.cpus().length);
  const stored = await ask(child, { cmd: 'count' });
  const peakRss = peakRssMiB(child.pid);
  await group.stop(child, 5_000);
  return { ...result, stored, peakRssMiB: peakRss, cpu };
}

/** The ingest load (64 connections, INGEST_SECONDS, a unique email per request) on one trigger webhook, with its CPU. */
async function triggerLoad(apiUrl, webhookId, phase) {
  const cpuBefore = cpuSnapshot();
  const result = await load(phase, {
    url: `${apiUrl}/api/automation/webhook/${webhookId}`,
    connections: CONNECTIONS,
    durationSeconds: INGEST_SECONDS,
    body: { kind: 'contact', run: runId, phase },
  });
  return { result, cpu: cpuSince(cpuBefore) };
}

async function ingestPhase(apiUrl, token) {
  let note = null;
  let created = await hubRequest(apiUrl, 'POST', '/api/workflows', { token, body: { name: 'bench ingest', steps: [] } });
  if (created.status === 404) return { available: false, reason: 'not available (automation not built)' };
  if (created.status === 400 && /steps/.test(created.text)) {
    // The module may insist on one step: a long wait enrols the contact and does nothing else during the bench.
    note = `steps: [] refused (400: ${created.body?.message ?? created.text.slice(0, 120)}); used one {type: "wait", seconds: 86400} step`;
    log(`  ingest: ${note}`);
    created = await hubRequest(apiUrl, 'POST', '/api/workflows', { token, body: { name: 'bench ingest', steps: [{ type: 'wait', seconds: 86_400 }] } });
  }
  if (created.status !== 201 && created.status !== 200) {
    return { available: false, reason: `not available (POST /api/workflows answered ${created.status}: ${created.text.slice(0, 160)})` };
  }
  const webhookId = created.body?.trigger?.webhook_id;
  if (!webhookId) return { available: false, reason: 'not available (POST /api/workflows answered no trigger.webhook_id)' };
  log(`ingest: POST /api/automation/webhook/{id}, ${CONNECTIONS} connections, ${INGEST_SECONDS} s`);
  const ioBefore = await ioSnapshot();
  const { result, cpu } = await triggerLoad(apiUrl, webhookId, 'ingest');
  const io = ioDelta(ioBefore, await ioSnapshot(2_000));
  // The route answers once the request is stored; the worker enrols afterwards. Wait for that backlog, so the
  // outbound phases start from a quiet worker, and report how fast the worker enrolled.
  log('  ingest: waiting for the worker to enrol every stored request');
  const enrolment = await waitForEnrolment(webhookId, result.ok, result.startedAt);
  log(`  ingest: ${int(enrolment.processed)} enrolled, ${int(enrolment.perSecond)}/s, backlog drained ${(enrolment.drainedAfterMs / 1000).toFixed(1)} s after the load`);
  return { available: true, note, ...result, io, enrolment, cpu };
}

/**
 * The lead routes under the ingest load: Google lead form bodies (the key in
 * the body) and signed Meta notifications (one leadgen change each, the
 * worker fetching every lead from a local fake Graph API), LEAD_SECONDS each;
 * then how fast the worker captured them (contact, lead.captured).
 */
async function leadsPhase(apiUrl, token) {
  const google = await hubRequest(apiUrl, 'POST', '/api/lead-sources', { token, body: { provider: 'google', name: 'bench google', google_key: `bench-key-${runId}` } });
  if (google.status === 404) return { available: false, reason: 'not available (lead capture not built)' };
  const appSecret = crypto.randomBytes(16).toString('hex');
  const pageId = String(100_000_000_000 + crypto.randomInt(1_000_000));
  const meta = await hubRequest(apiUrl, 'POST', '/api/lead-sources', {
    token,
    body: { provider: 'meta', name: 'bench meta', page_id: pageId, verify_token: `bench-verify-${runId}`, app_secret: appSecret, page_access_token: `bench-page-token-${runId}` },
  });
  if (google.status !== 201 || meta.status !== 201) return { available: false, reason: `not available (POST /api/lead-sources answered ${google.status} / ${meta.status})` };
  const phase = async (name, url, body) => {
    log(`${name}: POST ${url}, ${CONNECTIONS} connections, ${LEAD_SECONDS} s`);
    const cpuBefore = cpuSnapshot();
    const result = await load(name, { url: `${apiUrl}${url}`, connections: CONNECTIONS, durationSeconds: LEAD_SECONDS, body: { run: runId, phase: name, ...body } });
    return { ...result, cpu: cpuSince(cpuBefore) };
  };
  const googleLoad = await phase('google-leads', '/api/webhook/google-ads-lead', { kind: 'google-lead', key: `bench-key-${runId}` });
  const metaLoad = await phase('meta-leads', '/api/webhook/meta-lead-ads', { kind: 'meta-lead', appSecret, pageId });
  log('  leads: waiting for the worker to capture every stored lead');
  const expected = googleLoad.ok + metaLoad.ok;
  const deadline = Date.now() + Math.max(1_000, Math.min(CAPS.leadDrain * 1000, remainingMs()));
  let state;
  for (;;) {
    state = await services.leadState([google.body.id, meta.body.id]);
    if ((state.captured ?? 0) + (state.failed ?? 0) >= expected || Date.now() > deadline) break;
    await sleep(200);
  }
  const finishedAt = Date.now();
  const captured = state.captured ?? 0;
  log(`  leads: ${int(captured)} of ${int(expected)} captured${state.failed ? `, ${int(state.failed)} failed` : ''}`);
  return { available: true, google: googleLoad, meta: metaLoad, capture: { ...state, captured, expected, complete: captured >= expected, perSecond: perSecond(captured, googleLoad.startedAt, finishedAt) } };
}

/**
 * The ESP delivery webhooks under the ingest load, in an account of their own
 * (no endpoints: this measures intake and the worker's applying, not fan-out):
 * signed single Mailgun events, then signed SendGrid batches of ESP_BATCH,
 * ESP_SECONDS each; then how fast the worker applied every stored event
 * (matching, status, message.* event). The events name no message of ours.
 */
async function espPhase(apiUrl) {
  const session = await hubRequest(apiUrl, 'POST', '/api/auth/signup', { body: { email: `bench-esp-${runId}@example.com`, password: 'bench-password-0123', account_name: 'Bench ESP' } });
  const token = session.body?.access_token;
  if (!token) return { available: false, reason: `not available (signup answered ${session.status})` };
  const signingKey = crypto.randomBytes(16).toString('hex');
  const pair = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const channel = async (provider, extra) =>
    hubRequest(apiUrl, 'POST', '/api/channels', { token, body: { type: 'email', name: `bench ${provider}`, from_address: 'bench@bench.example.com', provider, ...extra } });
  const mailgun = await channel('mailgun', { webhook_signing_key: signingKey });
  const sendgrid = await channel('sendgrid', { sendgrid_public_key: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64') });
  if (mailgun.status !== 201 || sendgrid.status !== 201) return { available: false, reason: `not available (POST /api/channels answered ${mailgun.status} / ${sendgrid.status})` };
  const probe = await hubRequest(apiUrl, 'POST', `/api/webhook/email/mailgun/${mailgun.body.id}`, { body: {} });
  if (probe.status === 404) return { available: false, reason: 'not available (ESP webhooks not built)' };
  const phase = async (name, url, body) => {
    log(`${name}: POST ${url}, ${CONNECTIONS} connections, ${ESP_SECONDS} s`);
    const cpuBefore = cpuSnapshot();
    const result = await load(name, { url: `${apiUrl}${url}`, connections: CONNECTIONS, durationSeconds: ESP_SECONDS, body: { run: runId, phase: name, ...body } });
    return { ...result, cpu: cpuSince(cpuBefore) };
  };
  const mailgunLoad = await phase('mailgun-events', `/api/webhook/email/mailgun/${mailgun.body.id}`, { kind: 'mailgun-event', signingKey });
  const sendgridLoad = await phase('sendgrid-batches', `/api/webhook/email/sendgrid/${sendgrid.body.id}`, {
    kind: 'sendgrid-batch',
    batch: ESP_BATCH,
    privateKeyPem: pair.privateKey.export({ format: 'pem', type: 'pkcs8' }),
  });
  log('  esp: waiting for the worker to apply every stored event');
  const channels = [mailgun.body.id, sendgrid.body.id];
  const deadline = Date.now() + Math.max(1_000, Math.min(CAPS.espDrain * 1000, remainingMs()));
  let state;
  for (;;) {
    state = await services.providerEventState(channels);
    if (state.applied >= state.stored || Date.now() > deadline) break;
    await sleep(200);
  }
  const finishedAt = Date.now();
  log(`  esp: ${int(state.applied)} of ${int(state.stored)} events applied`);
  return {
    available: true,
    mailgun: mailgunLoad,
    sendgrid: sendgridLoad,
    apply: { ...state, complete: state.applied >= state.stored, perSecond: perSecond(state.applied, mailgunLoad.startedAt, finishedAt) },
  };
}

/**
 * The WhatsApp node webhook under the ingest load: messages.upsert from a
 * few dozen senders (one inbound text each, unique message ids), with the
 * node secret, WHATSAPP_SECONDS; then how fast the worker applied them
 * (contact, inbound message, message.received).
 */
async function whatsappPhase(apiUrl, token) {
  const channel = await hubRequest(apiUrl, 'POST', '/api/channels', { token, body: { type: 'whatsapp', name: 'bench whatsapp' } });
  if (channel.status !== 201) return { available: false, reason: `not available (POST /api/channels answered ${channel.status})` };
  log(`whatsapp-events: POST /api/whatsapp/node/webhook, ${CONNECTIONS} connections, ${WHATSAPP_SECONDS} s`);
  const cpuBefore = cpuSnapshot();
  const result = await load('whatsapp-events', {
    url: `${apiUrl}/api/whatsapp/node/webhook`,
    connections: CONNECTIONS,
    durationSeconds: WHATSAPP_SECONDS,
    body: { run: runId, phase: 'wa', kind: 'whatsapp-message', sessionId: channel.body.session_id, secret: WHATSAPP_NODE_SECRET },
  });
  const loadResult = { ...result, cpu: cpuSince(cpuBefore) };
  log('  whatsapp: waiting for the worker to apply every stored event');
  const deadline = Date.now() + Math.max(1_000, Math.min(CAPS.whatsappDrain * 1000, remainingMs()));
  let state;
  for (;;) {
    state = await services.whatsappEventState(channel.body.id);
    if ((state.applied ?? 0) + (state.failed ?? 0) >= loadResult.ok || Date.now() > deadline) break;
    await sleep(200);
  }
  const finishedAt = Date.now();
  const applied = state.applied ?? 0;
  log(`  whatsapp: ${int(applied)} of ${int(loadResult.ok)} applied${state.failed ? `, ${int(state.failed)} failed` : ''}`);
  return { available: true, load: loadResult, apply: { applied, failed: state.failed ?? 0, expected: loadResult.ok, complete: applied >= loadResult.ok, perSecond: perSecond(applied, loadResult.startedAt, finishedAt) } };
}

/**
 * Context for the ingest figure: the same load on the trigger webhook while
 * the worker is not running yet, so the api has the machine to itself (its
 * requests are enrolled once the worker starts, before the ingest phase).
 */
async function intakeAlonePhase(apiUrl, token, hub) {
  const created = await hubRequest(apiUrl, 'POST', '/api/workflows', { token, body: { name: 'bench intake alone', steps: [] } });
  const webhookId = created.body?.trigger?.webhook_id;
  if (!webhookId) return { available: false };
  log(`intake alone (worker not started): POST /api/automation/webhook/{id}, ${CONNECTIONS} connections, ${INGEST_SECONDS} s`);
  const { result, cpu } = await triggerLoad(apiUrl, webhookId, 'intake-alone');
  log('  starting the worker; waiting for it to enrol that backlog');
  await hub.startWorker();
  const enrolment = await waitForEnrolment(webhookId, result.ok, result.startedAt);
  return { available: true, ...result, enrolment, cpu };
}

async function waitForEnrolment(webhookId, expected, loadStartedAt) {
  const deadline = Date.now() + Math.max(1_000, Math.min(CAPS.enrolmentDrain * 1000, remainingMs() - 120_000));
  let state;
  for (;;) {
    state = await services.triggerRequestState(webhookId);
    const done = (state.processed ?? 0) + (state.failed ?? 0);
    if (done >= expected || Date.now() > deadline) break;
    await sleep(200);
  }
  const finishedAt = Date.now();
  const processed = state.processed ?? 0;
  return { ...state, processed, complete: processed >= expected, perSecond: perSecond(processed, loadStartedAt, finishedAt), drainedAfterMs: finishedAt - (loadStartedAt + INGEST_SECONDS * 1000) };
}

/**
 * Before the outbound figures: PostgreSQL's autovacuum of the ingest phase's rows done (up to 30 s), and
 * WARM_UP_EVENTS events through the same route to an endpoint on the same receiver (own phase, not counted), so
 * the publish and delivery code is compiled by V8 before it is timed, as in a process that has been running.
 */
async function settleBeforeOutbound(apiUrl, token, receiver, receiverPort) {
  // Its own endpoint, disabled afterwards, so the counted phase's endpoint holds only the counted attempts.
  const warmEndpoint = await expectStatus(
    hubRequest(apiUrl, 'POST', '/api/endpoints', { token, body: { url: `http://127.0.0.1:${receiverPort}/warm-up`, event_types: [BENCH_EVENT_TYPE], skip_verification: true, description: 'bench warm-up' } }),
    201,
    'POST /api/endpoints (warm-up)',
  );
  const started = Date.now();
  const deadline = started + Math.min(30_000, Math.max(0, remainingMs() - 150_000));
  let quietSince = null;
  while (Date.now() < deadline) {
    if ((await services.autovacuumWorkers()) === 0) {
      quietSince ??= Date.now();
      if (Date.now() - quietSince >= 1_000) break;
    } else quietSince = null;
    await sleep(250);
  }
  const autovacuumWaitMs = Date.now() - started;
  log(`outbound warm-up: waited ${(autovacuumWaitMs / 1000).toFixed(1)} s for autovacuum; publishing ${int(WARM_UP_EVENTS)} events (not counted)`);
  const publish = await load('warm-up', {
    url: `${apiUrl}/api/events`,
    connections: CONNECTIONS,
    amount: WARM_UP_EVENTS,
    stopAfterSeconds: 20,
    headers: { authorization: `Bearer ${publisherKey}` },
    body: { kind: 'event', run: runId, phase: 'warm-up' },
  });
  await waitForReceipts(receiver, 'warm-up', publish.ok, 20_000);
  await expectStatus(hubRequest(apiUrl, 'POST', `/api/endpoints/${warmEndpoint.id}/disable`, { token }), [200, 201], 'disable the warm-up endpoint');
  return { autovacuumWaitMs, warmUpEvents: publish.ok };
}

async function throughputPhase(apiUrl, token, receiver, receiverPort) {
  const settled = await settleBeforeOutbound(apiUrl, token, receiver, receiverPort);
  const endpoint = await expectStatus(
    hubRequest(apiUrl, 'POST', '/api/endpoints', { token, body: { url: `http://127.0.0.1:${receiverPort}/outbound`, event_types: [BENCH_EVENT_TYPE], skip_verification: true, description: 'bench outbound' } }),
    201,
    'POST /api/endpoints',
  );
  log(`outbound (a): publishing ${int(THROUGHPUT_EVENTS)} events, ${CONNECTIONS} connections`);
  const ioBefore = await ioSnapshot();
  const cpuBefore = cpuSnapshot({ receiver: receiver.pid });
  const publish = await load('throughput', {
    url: `${apiUrl}/api/events`,
    connections: CONNECTIONS,
    amount: THROUGHPUT_EVENTS,
    stopAfterSeconds: Math.min(CAPS.throughputPublish, remainingMs() / 1000),
    headers: { authorization: `Bearer ${publisherKey}` },
    body: { kind: 'event', run: runId, phase: 'throughput' },
  });
  log(`  published ${int(publish.ok)} (${int(publish.okPerSecond)}/s)${publish.stoppedEarly ? ` — stopped after ${Math.round(publish.windowSeconds)} s` : ''}; waiting for the receiver`);
  const received = await waitForReceipts(receiver, 'throughput', publish.ok, CAPS.throughputDrain * 1000);
  const cpu = cpuSince(cpuBefore, { receiver: receiver.pid });
  const stored = await waitForStoredAttempts([endpoint.id], publish.ok);
  const io = ioDelta(ioBefore, await ioSnapshot(300));
  return { endpointId: endpoint.id, settled, publish, received, stored, io, cpu, deliveriesPerSecond: perSecond(received.unique, publish.startedAt, received.lastAt) };
}

async function fixedRatePhase(apiUrl, token, receiver) {
  log(`outbound (b): ${int(FIXED_RATE)} events/s for ${FIXED_RATE_SECONDS} s`);
  const publish = await load('fixed-rate', {
    url: `${apiUrl}/api/events`,
    connections: CONNECTIONS,
    durationSeconds: FIXED_RATE_SECONDS,
    overallRate: FIXED_RATE,
    headers: { authorization: `Bearer ${publisherKey}` },
    body: { kind: 'event', run: runId, phase: 'fixed-rate' },
  });
  log(`  published ${int(publish.ok)} (${int(publish.okPerSecond)}/s); waiting for the receiver`);
  const received = await waitForReceipts(receiver, 'fixed-rate', publish.ok, CAPS.fixedRateDrain * 1000);
  return { publish, received };
}

async function fanOutPhase(apiUrl, token, receiver, receiverPort, previousEndpointId) {
  if (previousEndpointId) await expectStatus(hubRequest(apiUrl, 'POST', `/api/endpoints/${previousEndpointId}/disable`, { token }), [200, 201], 'disable the outbound endpoint');
  const endpointIds = [];
  for (let i = 0; i < FANOUT_ENDPOINTS; i++) {
    const endpoint = await expectStatus(
      hubRequest(apiUrl, 'POST', '/api/endpoints', { token, body: { url: `http://127.0.0.1:${receiverPort}/fan/${i}`, event_types: [BENCH_EVENT_TYPE], skip_verification: true } }),
      201,
      `POST /api/endpoints (fan-out ${i})`,
    );
    endpointIds.push(endpoint.id);
  }
  const expected = FANOUT_EVENTS * FANOUT_ENDPOINTS;
  log(`fan-out: ${FANOUT_EVENTS} events x ${FANOUT_ENDPOINTS} endpoints = ${int(expected)} deliveries`);
  const ioBefore = await ioSnapshot();
  const cpuBefore = cpuSnapshot({ receiver: receiver.pid });
  const publish = await load('fan-out', {
    url: `${apiUrl}/api/events`,
    connections: CONNECTIONS,
    amount: FANOUT_EVENTS,
    stopAfterSeconds: Math.max(5, Math.min(CAPS.fanOutPublish, remainingMs() / 1000)),
    headers: { authorization: `Bearer ${publisherKey}` },
    body: { kind: 'event', run: runId, phase: 'fan-out' },
  });
  log(`  published ${int(publish.ok)}; waiting for the receiver`);
  const received = await waitForReceipts(receiver, 'fan-out', publish.ok * FANOUT_ENDPOINTS, CAPS.fanOutDrain * 1000);
  const cpu = cpuSince(cpuBefore, { receiver: receiver.pid });
  const stored = await waitForStoredAttempts(endpointIds, publish.ok * FANOUT_ENDPOINTS, 10_000);
  const io = ioDelta(ioBefore, await ioSnapshot(300));
  return { publish, received, stored, expected, io, cpu, deliveriesPerSecond: perSecond(received.unique, publish.startedAt, received.lastAt) };
}

// ---- the table ----------------------------------------------------------------------------

function buildRows(r) {
  const rows = [];
  const add = (key, figure, value, extra = {}) => rows.push({ key, figure, value, ...extra });
  const b = r.baseline;
  const floor = r.receiverFloor;
  const floorText = floor ? `receiver alone: ${int(floor.okPerSecond)} req/s · ingest baseline ${int(b.okPerSecond)} req/s` : '—';
  const deliveriesTarget = (perSecond) =>
    target(`≥ ${TARGETS.deliveriesRatio}× baseline (${int(b.okPerSecond * TARGETS.deliveriesRatio)} /s)`, perSecond === null ? null : perSecond >= b.okPerSecond * TARGETS.deliveriesRatio);
  const errorsOf = (x) => x.non2xx + x.errors + x.timeouts;

  add('baseline_rps', `durable-ingest baseline: req/s (${CONNECTIONS} conn, ${INGEST_SECONDS} s)`, `${int(b.okPerSecond)} req/s`, { baseline: 'is the baseline', number: b.okPerSecond });
  add('baseline_latency', 'durable-ingest baseline: p50 / p99', `${ms(b.latencyMs.p50)} / ${ms(b.latencyMs.p99)} ms`, { number: { p50: b.latencyMs.p50, p99: b.latencyMs.p99 } });
  add('baseline_errors', 'durable-ingest baseline: errors', `${int(errorsOf(b))} of ${int(b.completed + b.errors)}`, { number: errorsOf(b) });

  const ingest = r.ingest;
  const ingestTarget = `≥ ${TARGETS.ingestRatio}× baseline (${int(b.okPerSecond * TARGETS.ingestRatio)} req/s)`;
  if (!ingest.available) {
    add('ingest_rps', 'ingest: req/s (POST /api/automation/webhook/{id})', ingest.reason, { target: target(ingestTarget, null), baseline: `${int(b.okPerSecond)} req/s`, number: null });
    add('ingest_latency', 'ingest: p50 / p99', '—', { target: target(`p99 ≤ ${TARGETS.ingestP99Ms} ms`, null), baseline: `${ms(b.latencyMs.p50)} / ${ms(b.latencyMs.p99)} ms`, number: null });
  } else {
    const ingestRatio = ingest.okPerSecond / b.okPerSecond;
    add('ingest_rps', 'ingest: req/s (POST /api/automation/webhook/{id})', `${int(ingest.okPerSecond)} req/s`, {
      target: target(ingestTarget, ingestRatio >= TARGETS.ingestRatio),
      baseline: `${int(b.okPerSecond)} req/s`,
      number: ingest.okPerSecond,
    });
    add('ingest_ratio', 'ingest: ratio to baseline', ratio(ingestRatio), { target: target(`≥ ${TARGETS.ingestRatio}×`, ingestRatio >= TARGETS.ingestRatio), baseline: '1.00×', number: ingestRatio });
    add('ingest_latency', 'ingest: p50 / p99', `${ms(ingest.latencyMs.p50)} / ${ms(ingest.latencyMs.p99)} ms`, {
      target: target(`p99 ≤ ${TARGETS.ingestP99Ms} ms`, ingest.latencyMs.p99 <= TARGETS.ingestP99Ms),
      baseline: `${ms(b.latencyMs.p50)} / ${ms(b.latencyMs.p99)} ms`,
      number: { p50: ingest.latencyMs.p50, p99: ingest.latencyMs.p99 },
    });
    const alone = r.intakeAlone;
    if (alone?.available) {
      // The baseline has no consumer: this is the same work, the intake with nothing else on the machine.
      const aloneRatio = alone.okPerSecond / b.okPerSecond;
      const aloneMet = aloneRatio >= TARGETS.ingestRatio && alone.latencyMs.p99 <= TARGETS.ingestP99Ms;
      add('intake_alone', 'ingest, the api alone (worker not started yet, as the baseline has none), req/s · ratio · p50 / p99', `${int(alone.okPerSecond)} req/s · ${ratio(aloneRatio)} · ${ms(alone.latencyMs.p50)} / ${ms(alone.latencyMs.p99)} ms`, {
        target: target(`≥ ${TARGETS.ingestRatio}×, p99 ≤ ${TARGETS.ingestP99Ms} ms`, aloneMet),
        baseline: `${int(b.okPerSecond)} req/s · ${ms(b.latencyMs.p50)} / ${ms(b.latencyMs.p99)} ms`,
        number: { perSecond: alone.okPerSecond, ratio: aloneRatio, p50: alone.latencyMs.p50, p99: alone.latencyMs.p99, errors: errorsOf(alone) },
      });
    }
    const e = ingest.enrolment;
    if (e) {
      add('ingest_enrolment', 'ingest: enrolled by the worker after the answer (contact + run), rate · drained after the load', `${int(e.processed)} of ${int(ingest.ok)} · ${int(e.perSecond)} /s · ${(e.drainedAfterMs / 1000).toFixed(1)} s${e.complete ? '' : ' (gave up waiting)'}`, {
        number: { processed: e.processed, pending: e.pending ?? 0, failed: e.failed ?? 0, perSecond: e.perSecond, drainedAfterMs: e.drainedAfterMs },
      });
    }
    add('ingest_errors', 'ingest: errors', `${int(errorsOf(ingest))} of ${int(ingest.completed + ingest.errors)}`, { baseline: `${int(errorsOf(b))}`, number: errorsOf(ingest) });
  }
  const wa = r.whatsapp;
  if (!wa?.available) {
    add('whatsapp_events', 'WhatsApp node webhook (messages.upsert)', wa?.reason ?? 'not run', { number: null });
  } else {
    const x = wa.load;
    const waRatio = x.okPerSecond / b.okPerSecond;
    add('whatsapp_events', `WhatsApp: inbound events/s (POST /api/whatsapp/node/webhook, messages.upsert, ${CONNECTIONS} conn, ${WHATSAPP_SECONDS} s) · ratio · p50 / p99`, `${int(x.okPerSecond)} req/s · ${ratio(waRatio)} · ${ms(x.latencyMs.p50)} / ${ms(x.latencyMs.p99)} ms${errorsOf(x) ? ` · ${int(errorsOf(x))} errors` : ''}`, {
      target: target(`≥ ${WHATSAPP_TARGET_RATIO}×`, waRatio >= WHATSAPP_TARGET_RATIO),
      baseline: `${int(b.okPerSecond)} req/s · ${ms(b.latencyMs.p50)} / ${ms(b.latencyMs.p99)} ms`,
      number: { perSecond: x.okPerSecond, ratio: waRatio, p50: x.latencyMs.p50, p99: x.latencyMs.p99, errors: errorsOf(x) },
    });
    const c = wa.apply;
    add('whatsapp_apply', 'WhatsApp: applied by the worker (contact, inbound message, message.received), rate', `${int(c.applied)} of ${int(c.expected)} · ${int(c.perSecond)} /s${c.complete ? '' : ' (gave up waiting)'}${c.failed ? ` · ${int(c.failed)} failed` : ''}`, {
      number: { applied: c.applied, expected: c.expected, failed: c.failed, perSecond: c.perSecond },
    });
  }
  const st = r.stats;
  if (!st?.available) {
    add('stats', 'stats API (seeded delivery attempts)', st?.reason ?? 'not run', { number: null });
  } else {
    add('stats_seed', 'stats: delivery attempts seeded in PostgreSQL for one account (20 endpoints, the last 7 days) · time · ANALYZE', `${int(st.attempts)} attempts, ${int(st.deliveries)} deliveries · ${(st.seedMs / 1000).toFixed(1)} s · ${(st.analyzeMs / 1000).toFixed(1)} s`, {
      number: { attempts: st.attempts, deliveries: st.deliveries, seedMs: st.seedMs, analyzeMs: st.analyzeMs },
    });
    add('stats_rollup', "stats: the worker's first rollup of them (delivery_rollups rows) · attempts the 7-day chart then counts", `${(st.rollup.rollupMs / 1000).toFixed(1)} s${st.rollup.complete ? '' : ' (gave up waiting)'} · ${int(st.rollup.rows)} rows · ${st.counted === null ? '—' : int(st.counted)}`, {
      number: { rollupMs: st.rollup.rollupMs, complete: st.rollup.complete, rows: st.rollup.rows, counted: st.counted },
    });
    for (const x of st.routes) {
      add(`stats_${x.route.replace(/\W+/g, '_').replace(/^_api_stats_|_$/g, '')}`, `stats: GET ${x.route} p50 / p99 (${st.requests} requests, one at a time)`, `${ms(x.latencyMs.p50)} / ${ms(x.latencyMs.p99)} ms${x.errors ? ` · ${x.errors} errors` : ''}`, {
        target: target('p99 < 1 s', x.latencyMs.p99 < 1000),
        number: { p50: x.latencyMs.p50, p99: x.latencyMs.p99, errors: x.errors },
      });
    }
  }
  const leads = r.leads;
  if (!leads?.available) {
    add('leads', 'lead routes (Google lead forms, signed Meta notifications)', leads?.reason ?? 'not run', { number: null });
  } else {
    for (const [key, figure, x] of [
      ['google_leads', `lead capture: Google leads/s (POST /api/webhook/google-ads-lead, ${CONNECTIONS} conn, ${LEAD_SECONDS} s) · ratio · p50 / p99`, leads.google],
      ['meta_leads', `lead capture: signed Meta notifications/s (POST /api/webhook/meta-lead-ads, 1 lead each) · ratio · p50 / p99`, leads.meta],
    ]) {
      const leadRatio = x.okPerSecond / b.okPerSecond;
      add(key, figure, `${int(x.okPerSecond)} req/s · ${ratio(leadRatio)} · ${ms(x.latencyMs.p50)} / ${ms(x.latencyMs.p99)} ms${errorsOf(x) ? ` · ${int(errorsOf(x))} errors` : ''}`, {
        baseline: `${int(b.okPerSecond)} req/s · ${ms(b.latencyMs.p50)} / ${ms(b.latencyMs.p99)} ms`,
        number: { perSecond: x.okPerSecond, ratio: leadRatio, p50: x.latencyMs.p50, p99: x.latencyMs.p99, errors: errorsOf(x) },
      });
    }
    const c = leads.capture;
    add('lead_capture', 'lead capture: captured by the worker (Meta fetched from a local fake Graph API; contact, lead.captured), rate', `${int(c.captured)} of ${int(c.expected)} · ${int(c.perSecond)} /s${c.complete ? '' : ' (gave up waiting)'}${c.failed ? ` · ${int(c.failed)} failed` : ''}`, {
      number: { captured: c.captured, expected: c.expected, failed: c.failed ?? 0, perSecond: c.perSecond },
    });
  }


  const esp = r.esp;
  if (!esp?.available) {
    add('esp', 'ESP delivery webhooks (Mailgun events, SendGrid batches)', esp?.reason ?? 'not run', { number: null });
  } else {
    const mg = esp.mailgun;
    const mgRatio = mg.okPerSecond / b.okPerSecond;
    add('esp_mailgun', `ESP webhooks: signed Mailgun events/s (POST /api/webhook/email/mailgun/{id}, 1 event each, ${CONNECTIONS} conn, ${ESP_SECONDS} s) · ratio · p50 / p99`, `${int(mg.okPerSecond)} req/s · ${ratio(mgRatio)} · ${ms(mg.latencyMs.p50)} / ${ms(mg.latencyMs.p99)} ms${errorsOf(mg) ? ` · ${int(errorsOf(mg))} errors` : ''}`, {
      baseline: `${int(b.okPerSecond)} req/s`,
      number: { perSecond: mg.okPerSecond, ratio: mgRatio, p50: mg.latencyMs.p50, p99: mg.latencyMs.p99, errors: errorsOf(mg) },
    });
    const sg = esp.sendgrid;
    const sgEvents = sg.okPerSecond * ESP_BATCH;
    const sgRatio = sgEvents / b.okPerSecond;
    add('esp_sendgrid', `ESP webhooks: SendGrid events/s in signed batches of ${ESP_BATCH} (POST /api/webhook/email/sendgrid/{id}) · ratio (events/s to baseline req/s) · p50 / p99`, `${int(sgEvents)} events/s (${int(sg.okPerSecond)} req/s) · ${ratio(sgRatio)} · ${ms(sg.latencyMs.p50)} / ${ms(sg.latencyMs.p99)} ms${errorsOf(sg) ? ` · ${int(errorsOf(sg))} errors` : ''}`, {
      baseline: `${int(b.okPerSecond)} req/s`,
      number: { eventsPerSecond: sgEvents, perSecond: sg.okPerSecond, ratio: sgRatio, p50: sg.latencyMs.p50, p99: sg.latencyMs.p99, errors: errorsOf(sg) },
    });
    const ap = esp.apply;
    add('esp_apply', 'ESP webhooks: events applied by the worker (match, status, message.* event), rate from the first request', `${int(ap.applied)} of ${int(ap.stored)} · ${int(ap.perSecond)} /s${ap.complete ? '' : ' (gave up waiting)'}`, {
      number: { applied: ap.applied, stored: ap.stored, perSecond: ap.perSecond },
    });
  }

  const a = r.throughput;
  if (a) {
    const published = a.publish.ok;
    const cut = a.publish.stoppedEarly ? ` (publishing stopped after ${Math.round(a.publish.windowSeconds)} s: ${int(published)} of ${int(THROUGHPUT_EVENTS)})` : '';
    const partial = a.received.complete ? '' : ` (only ${int(a.received.unique)} of ${int(a.received.expected)} arrived)`;
    add('outbound_deliveries_per_second', `outbound (a): deliveries/s, ${int(THROUGHPUT_EVENTS)} events, first publish → last receipt`, `${int(a.deliveriesPerSecond)} /s (${ratio(a.deliveriesPerSecond / b.okPerSecond)})${cut}${partial}`, {
      target: deliveriesTarget(a.deliveriesPerSecond),
      baseline: floorText,
      number: a.deliveriesPerSecond,
    });
    add('outbound_publish', 'outbound (a): publish POST /api/events, events/s · p50 / p99', `${int(a.publish.okPerSecond)} /s · ${ms(a.publish.latencyMs.p50)} / ${ms(a.publish.latencyMs.p99)} ms`, {
      baseline: `ingest floor ${int(b.okPerSecond)} req/s · ${ms(b.latencyMs.p50)} / ${ms(b.latencyMs.p99)} ms`,
      number: { perSecond: a.publish.okPerSecond, p50: a.publish.latencyMs.p50, p99: a.publish.latencyMs.p99, errors: errorsOf(a.publish) },
    });
    add('outbound_backlog_latency', 'outbound (a): end-to-end p50 / p99 (saturated, includes queueing)', `${ms(a.received.latencyMs.p50)} / ${ms(a.received.latencyMs.p99)} ms`, {
      number: { p50: a.received.latencyMs.p50, p99: a.received.latencyMs.p99 },
    });
    const allStored = !a.publish.stoppedEarly && a.stored.attempts === published && (a.stored.byStatus.succeeded ?? 0) === published && a.stored.deliveries === published;
    add(
      'outbound_stored',
      'outbound (a): attempts stored · deliveries succeeded',
      `${int(a.stored.attempts)} · ${int(a.stored.byStatus.succeeded ?? 0)} of ${int(a.stored.deliveries)}${a.received.duplicates ? ` (${a.received.duplicates} duplicate receipts)` : ''}`,
      { target: target(`= ${int(THROUGHPUT_EVENTS)} · all`, allStored), number: { published, attempts: a.stored.attempts, deliveries: a.stored.deliveries, ...a.stored.byStatus, duplicates: a.received.duplicates } },
    );
  }

  const f = r.fixedRate;
  if (f?.skipped) add('fixed_rate_latency', `outbound (b): end-to-end p50 / p99 at ${int(FIXED_RATE)} events/s`, 'skipped (time budget)', { target: target(`p99 ≤ ${TARGETS.endToEndP99Ms} ms`, null), number: null });
  else if (f) {
    const partial = f.received.complete ? '' : ` (only ${int(f.received.unique)} of ${int(f.received.expected)} arrived)`;
    const rateReached = f.publish.okPerSecond >= 0.95 * FIXED_RATE;
    add('fixed_rate_latency', `outbound (b): end-to-end p50 / p99, offered ${int(FIXED_RATE)} events/s, accepted ${int(f.publish.okPerSecond)}/s`, `${ms(f.received.latencyMs.p50)} / ${ms(f.received.latencyMs.p99)} ms${partial}`, {
      target: target(`p99 ≤ ${TARGETS.endToEndP99Ms} ms at ${int(FIXED_RATE)}/s`, f.received.latencyMs.p99 === null ? null : rateReached && f.received.complete && f.received.latencyMs.p99 <= TARGETS.endToEndP99Ms),
      number: { p50: f.received.latencyMs.p50, p99: f.received.latencyMs.p99, max: f.received.latencyMs.max, acceptedPerSecond: f.publish.okPerSecond },
    });
    add(
      'fixed_rate_publish',
      'outbound (b): published · received · publish p50 / p99',
      `${int(f.publish.ok)} · ${int(f.received.unique)} · ${ms(f.publish.latencyMs.p50)} / ${ms(f.publish.latencyMs.p99)} ms`,
      { number: { published: f.publish.ok, received: f.received.unique, publishP50: f.publish.latencyMs.p50, publishP99: f.publish.latencyMs.p99, errors: errorsOf(f.publish) } },
    );
  }

  const o = r.fanOut;
  if (o?.skipped) add('fanout_deliveries_per_second', `fan-out: deliveries/s, ${FANOUT_EVENTS} events × ${FANOUT_ENDPOINTS} endpoints`, 'skipped (time budget)', { target: deliveriesTarget(null), number: null });
  else if (o) {
    const partial = o.received.complete ? '' : ` (only ${int(o.received.unique)} of ${int(o.received.expected)} arrived)`;
    add('fanout_deliveries_per_second', `fan-out: deliveries/s, ${FANOUT_EVENTS} events × ${FANOUT_ENDPOINTS} endpoints`, `${int(o.deliveriesPerSecond)} /s (${ratio(o.deliveriesPerSecond / b.okPerSecond)})${partial}`, {
      target: deliveriesTarget(o.deliveriesPerSecond),
      baseline: floorText,
      number: o.deliveriesPerSecond,
    });
    add('fanout_latency', 'fan-out: end-to-end p50 / p99', `${ms(o.received.latencyMs.p50)} / ${ms(o.received.latencyMs.p99)} ms`, {
      number: { p50: o.received.latencyMs.p50, p99: o.received.latencyMs.p99 },
    });
    add('fanout_stored', 'fan-out: received · attempts stored · succeeded', `${int(o.received.unique)} · ${int(o.stored.attempts)} · ${int(o.stored.byStatus.succeeded ?? 0)} of ${int(o.expected)}`, {
      number: { received: o.received.unique, attempts: o.stored.attempts, ...o.stored.byStatus, paths: o.received.paths },
    });
  }

  if (countIo) {
    const per = (io, n) => (io && n ? `${(io.pg / n).toFixed(1)} · ${(io.redis / n).toFixed(1)}` : '—');
    const floorIo = 'baseline server 1 · 1';
    if (ingest.available && ingest.io) {
      add('io_per_ingest_request', 'I/O per ingest request: PostgreSQL queries · Redis commands', `api ${per(ingest.io.api, ingest.ok)}, worker ${per(ingest.io.worker, ingest.ok)}`, {
        baseline: floorIo,
        number: { api: ingest.io.api, worker: ingest.io.worker, requests: ingest.ok },
      });
    }
    if (a?.io) {
      add('io_per_event', 'I/O per published event (api, outbound a): queries · commands', per(a.io.api, a.publish.ok), { baseline: floorIo, number: { ...a.io, events: a.publish.ok } });
      add('io_per_delivery', 'I/O per delivery (worker, outbound a): queries · commands', per(a.io.worker, a.received.unique), { number: { ...a.io, deliveries: a.received.unique } });
    }
    if (o?.io) {
      add('io_per_fanout_event', 'I/O per fan-out event, 50 deliveries (api): queries · commands', per(o.io.api, o.publish.ok), { number: { ...o.io, events: o.publish.ok } });
      add('io_per_fanout_delivery', 'I/O per fan-out delivery (worker): queries · commands', per(o.io.worker, o.received.unique), { number: { ...o.io, deliveries: o.received.unique } });
    }
  }

  // CPU time per unit of work, by process: where the machine's two cores went in each phase.
  const cpuRow = (key, figure, cpu, count, parts, extra = {}) => {
    if (!cpu || !count) return;
    const perUnit = Object.fromEntries(parts.map(([name]) => [name, cpu.cpuMs[name] === null || cpu.cpuMs[name] === undefined ? null : (cpu.cpuMs[name] * 1000) / count]));
    const busy = cpu.machineBusyShare === null ? '—' : `${Math.round(cpu.machineBusyShare * 100)} %`;
    const text = `${parts.map(([name, label]) => `${label} ${int(perUnit[name])}`).join(' · ')} µs; machine busy ${busy}`;
    add(key, figure, text, { ...extra, number: { microsecondsPerUnit: perUnit, units: count, machineBusyShare: cpu.machineBusyShare, wallMs: cpu.wallMs } });
  };
  const services = [
    ['postgres', 'PostgreSQL'],
    ['redis', 'Redis'],
  ];
  // Under the supervisor its own CPU (it hands each new connection to an api process) is a column of its own.
  const supervisor = r.topology?.startsWith('npm start') ? [['supervisor', 'supervisor']] : [];
  const baselineCpu = b.cpu ? `server ${int((b.cpu.cpuMs.baselineServer * 1000) / b.ok)} · PostgreSQL ${int((b.cpu.cpuMs.postgres * 1000) / b.ok)} µs` : '—';
  cpuRow('cpu_baseline', 'CPU per request, durable-ingest baseline (µs)', b.cpu, b.ok, [['baselineServer', 'server'], ...services]);
  if (r.intakeAlone?.available) cpuRow('cpu_intake_alone', 'CPU per request, ingest with the api alone (µs)', r.intakeAlone.cpu, r.intakeAlone.ok, [['api', 'api'], ...supervisor, ...services], { baseline: baselineCpu });
  if (ingest.available) cpuRow('cpu_ingest', 'CPU per request, ingest (µs; worker enrolling meanwhile)', ingest.cpu, ingest.ok, [['api', 'api'], ['worker', 'worker'], ...supervisor, ...services], { baseline: baselineCpu });
  const deliveryParts = [['api', 'api'], ['worker', 'worker'], ...supervisor, ['receiver', 'receiver'], ...services];
  if (a) cpuRow('cpu_outbound', 'CPU per delivery, outbound (a), publish → last receipt (µs)', a.cpu, a.received.unique, deliveryParts);
  if (o && !o.skipped) cpuRow('cpu_fanout', 'CPU per delivery, fan-out (µs)', o.cpu, o.received.unique, deliveryParts);

  const rss = r.rss;
  add('api_peak_rss', 'api peak RSS (VmHWM)', mib(rss.api), {
    target: target(`≤ ${TARGETS.apiRssMiB} MB`, rss.api === null ? null : rss.api <= TARGETS.apiRssMiB),
    baseline: `baseline server ${mib(rss.baselineServer)}`,
    number: rss.api,
  });
  add('worker_peak_rss', 'worker peak RSS (VmHWM)', mib(rss.worker), { baseline: `baseline server ${mib(rss.baselineServer)}`, number: rss.worker });
  return rows;
}

// ---- main ---------------------------------------------------------------------------------

let cleaning = null;
let queueKeysDeleted = null;
function cleanup() {
  cleaning ??= (async () => {
    await group.stopAll(10_000).catch(() => group.killAllNow());
    queueKeysDeleted = await services.deleteRedisKeys(queuePrefix).catch((error) => log(`could not delete Redis keys ${queuePrefix}:*: ${error.message}`));
    await services.dropDatabase().catch((error) => log(`could not drop ${services.DATABASE}: ${error.message}`));
    if (ioCounterDir) fs.rmSync(ioCounterDir, { recursive: true, force: true });
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: stopping children and cleaning up`);
    cleanup().finally(() => process.exit(130));
  });
}
process.on('exit', () => group.killAllNow());

async function main() {
  const r = {};
  r.loadAverageAtStart = os.loadavg();
  log(`run ${runId}: database ${services.DATABASE}, Redis prefix ${queuePrefix}; load average ${r.loadAverageAtStart.map((n) => n.toFixed(2)).join(' ')}`);
  await services.recreateDatabase();

  const receiver = await forkReady('receiver', RECEIVER, {});
  // The hub fetches Meta leads from here (hubEnvironment passes the caller's environment on).
  const graph = await forkReady('fake-graph', FAKE_GRAPH, {});
  process.env.META_GRAPH_URL = `http://127.0.0.1:${graph.port}/v21.0`;
  // The node webhook's load sends this secret (hubEnvironment passes the caller's environment on).
  process.env.WHATSAPP_NODE_SECRET = WHATSAPP_NODE_SECRET;
  r.receiverFloor = await receiverFloor(receiver.port);
  r.baseline = await baselinePhase();

  log(`starting the hub from dist/ (BENCH_TOPOLOGY=${process.env.BENCH_TOPOLOGY ?? 'npm-start'})`);
  if (profileRoles.size) log(`  profiling ${[...profileRoles].join(', ')} into ${profileDir}`);
  if (countIo) log(`  counting PostgreSQL queries and Redis commands (BENCH_COUNT_IO=1) in ${ioCounterDir}`);
  const hub = await startHub(group, { databaseUrl: services.databaseUrl(), redisUrl: services.REDIS_URL, queuePrefix, profile: profileRoles, profileDir, ioCounterDir, deferWorker: intakeAlone });
  ioCounts = hub.ioCounts;
  hubPids = () => hub.pids();
  r.topology = hub.topology;
  const session = await expectStatus(
    hubRequest(hub.apiUrl, 'POST', '/api/auth/signup', { body: { email: `bench-${runId}@example.com`, password: 'bench-password-0123', account_name: 'Bench' } }),
    [200, 201],
    'POST /api/auth/signup',
  );
  const token = session.access_token;
  // Events are published with an API key, as a publishing service would (admin calls use the session's JWT).
  publisherKey = (await expectStatus(hubRequest(hub.apiUrl, 'POST', '/api/api-keys', { token, body: { name: 'bench publisher' } }), 201, 'POST /api/api-keys')).key;

  // First the trigger load with no worker running, as the baseline has no consumer (BENCH_INTAKE_ALONE=0 skips it);
  // the worker then starts and enrols that backlog before the ingest phase.
  if (intakeAlone && runs('intake-alone')) r.intakeAlone = await intakeAlonePhase(hub.apiUrl, token, hub);
  if (!hub.workerStarted) await hub.startWorker();
  r.ingest = runs('ingest') ? await ingestPhase(hub.apiUrl, token) : NOT_RUN;
  if (runs('outbound')) {
    r.throughput = await throughputPhase(hub.apiUrl, token, receiver.child, receiver.port);
    // A phase that cannot fit the time budget any more is skipped and its rows say so.
    r.fixedRate = remainingMs() > 30_000 ? await fixedRatePhase(hub.apiUrl, token, receiver.child) : { skipped: true };
  }
  if (runs('fan-out')) r.fanOut = remainingMs() > 30_000 ? await fanOutPhase(hub.apiUrl, token, receiver.child, receiver.port, r.throughput?.endpointId) : { skipped: true };
  // Each inbound phase waits for the worker to work off what its route stored, so the next starts from a quiet worker;
  // the leads come last because their capture (a Graph API fetch per Meta lead) may not drain within its cap.
  const inbound = (name, phase) => (!runs(name) ? NOT_RUN : remainingMs() > 30_000 ? phase() : { available: false, reason: 'skipped (time budget)' });
  r.esp = await inbound('esp', () => espPhase(hub.apiUrl));
  r.whatsapp = await inbound('whatsapp', () => whatsappPhase(hub.apiUrl, token));
  r.leads = await inbound('leads', () => leadsPhase(hub.apiUrl, token));
  // Last: it seeds millions of rows, which would slow every phase after it.
  r.stats = !runs('stats')
    ? NOT_RUN
    : remainingMs() > 90_000
      ? await statsPhase({ apiUrl: hub.apiUrl, token, accountId: session.account_id, remainingMs, log })
      : { available: false, reason: 'skipped (time budget)' };

  r.receiverPhases = (await ask(receiver.child, { cmd: 'phases' })).phases;
  r.hubLogTail = hub.tails(); // LOG_LEVEL=warn: anything here is worth a look
  // Per process (the largest of a role's processes): the target is about one process's memory.
  const peakOf = (pids) => (pids.length ? Math.max(...pids.map((pid) => peakRssMiB(pid) ?? 0)) : null);
  const pids = hub.pids();
  r.rss = { api: peakOf(pids.api), worker: peakOf(pids.worker), baselineServer: r.baseline.peakRssMiB, receiver: peakRssMiB(receiver.child.pid) };
  const settings = {
    connections: CONNECTIONS,
    ingest_seconds: INGEST_SECONDS,
    throughput_events: THROUGHPUT_EVENTS,
    fixed_rate: FIXED_RATE,
    fixed_rate_seconds: FIXED_RATE_SECONDS,
    fanout_endpoints: FANOUT_ENDPOINTS,
    fanout_events: FANOUT_EVENTS,
    webhook_delivery_concurrency: process.env.WEBHOOK_DELIVERY_CONCURRENCY ?? '200 (default)',
    queue_prefix: queuePrefix,
    topology: hub.topology,
  };

  log('stopping the hub and cleaning up');
  await cleanup();

  const rows = buildRows(r);
  const machine = report.machine();
  const git = report.git();
  const finishedAt = new Date();
  const file = report.writeJson(startedAt, {
    run_id: runId,
    started_at: startedAt.toISOString(),
    finished_at: finishedAt.toISOString(),
    duration_seconds: (Date.now() - t0) / 1000,
    machine,
    git,
    settings,
    targets: TARGETS,
    figures: rows.map(({ key, figure, value, target: t, baseline, number }) => ({ key, figure, value, target: t ?? null, baseline: baseline ?? null, number: number ?? null })),
    phases: r,
  });

  const out = [];
  out.push('');
  out.push(`Webhook Hub benchmark — ${startedAt.toISOString()} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  out.push(`machine: ${machine.cpus} × ${machine.cpu_model}, ${machine.memory_gib} GiB, node ${machine.node}, ${machine.platform}`);
  out.push(`load average (1 min) at start ${r.loadAverageAtStart[0].toFixed(2)}, at end ${machine.load_average[0].toFixed(2)} — other processes on this machine skew every figure`);
  out.push(`git: ${git.commit ?? 'unknown'}${git.uncommitted_changes ? ` (+${git.uncommitted_changes} uncommitted changes)` : ''}`);
  out.push(`hub: ${r.topology} (BENCH_TOPOLOGY=split measures one api and one worker process)`);
  out.push('load: autocannon in a child process; api, worker, receiver, baseline server, PostgreSQL and Redis share this machine; loopback only');
  out.push('targets are information only (met / not met), never a failure');
  out.push('');
  out.push(report.renderTable(rows));
  out.push('');
  out.push(`figures written to ${path.relative(process.cwd(), file)}`);
  process.stdout.write(`${out.join('\n')}\n`);

  if (profileRoles.size) {
    for (const role of profileRoles) {
      const dir = path.join(profileDir, role);
      const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
      if (!files.length) process.stdout.write(`\nno .cpuprofile written for ${role} in ${dir}\n`);
      for (const f of files) process.stdout.write(`\n${printSummary(summarizeProfile(path.join(dir, f), 25))}\n`);
    }
  }
}

main().then(
  () => process.exit(0),
  async (error) => {
    log(`the bench broke: ${error.stack ?? error.message}`);
    await cleanup();
    process.exit(1);
  },
);
