// CI: the shipped dependency set boots. Copies the build (dist/, web/dist/,
// package.json, package-lock.json) into an empty folder outside the checkout,
// installs it with `npm ci --omit=dev` — what the Dockerfile's final stage
// does — starts the hub from that copy (the supervisor: api processes and a
// worker) against a fresh database, waits for /api/health, has one event
// delivered to a local receiver, then stops it with SIGTERM and expects exit 0.
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');

const ROOT = path.resolve(__dirname, '..');
const SERVER = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DB = 'webhook_hub_production_check';
const ADMIN = { email: 'production-check@example.com', password: crypto.randomBytes(12).toString('base64url') };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function admin(sql) {
  const client = new Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

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

async function until(what, timeoutMs, check) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(250);
  }
}

async function call(base, method, route, token, body) {
  const response = await fetch(base + route, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

function copyBuild(target) {
  for (const part of ['dist', 'web/dist']) {
    if (!fs.existsSync(path.join(ROOT, part))) throw new Error(`${part} is missing: run npm run build first`);
    fs.cpSync(path.join(ROOT, part), path.join(target, part), { recursive: true });
  }
  for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(ROOT, file), path.join(target, file));
}

async function main() {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'webhook-hub-production-'));
  let hub;
  let receiver;
  let output = '';
  try {
    copyBuild(target);
    console.log(`npm ci --omit=dev in ${target}`);
    execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: target, stdio: 'inherit' });

    const received = [];
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.end('ok');
      });
    });
    await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));

    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    hub = spawn(process.execPath, ['dist/apps/supervisor/src/main.js'], {
      cwd: target,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: `${SERVER}/${DB}`,
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        REDIS_QUEUE_PREFIX: `production-check-${crypto.randomBytes(4).toString('hex')}`,
        JWT_SECRET: crypto.randomBytes(32).toString('hex'),
        APP_SECRET_KEY: crypto.randomBytes(32).toString('hex'),
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise((resolve) => hub.once('exit', (code, signal) => resolve({ code, signal })));
    hub.stdout.on('data', (chunk) => (output += chunk));
    hub.stderr.on('data', (chunk) => (output += chunk));
    await until('/api/health 200', 90_000, async () => {
      if (hub.exitCode !== null) throw new Error(`the hub exited with ${hub.exitCode}:\n${output}`);
      return (await fetch(`${base}/api/health`)).ok;
    }).catch((error) => {
      throw new Error(`${error.message}\n${output}`);
    });
    console.log(`production install: /api/health 200 on port ${port}`);

    const { access_token: token } = await call(base, 'POST', '/api/auth/login', undefined, ADMIN);
    const { port: receiverPort } = receiver.address();
    await call(base, 'POST', '/api/endpoints', token, { url: `http://127.0.0.1:${receiverPort}/hook`, skip_verification: true });
    const { id } = await call(base, 'POST', '/api/events', token, { type: 'custom.production_check', data: { ok: true } });
    await until(`event ${id} delivered`, 30_000, async () => received.some((r) => r.headers['webhook-id'] === id));
    console.log(`production install: event ${id} delivered`);

    hub.kill('SIGTERM');
    const exit = await Promise.race([exited, sleep(30_000).then(() => ({ timeout: true }))]);
    if (exit.code !== 0) throw new Error(`SIGTERM: expected exit 0, got ${JSON.stringify(exit)}\n${output}`);
    console.log('production install: stopped cleanly with SIGTERM (exit 0)');
  } finally {
    if (hub && hub.exitCode === null) hub.kill('SIGKILL');
    receiver?.close();
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).catch(() => undefined);
    fs.rmSync(target, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`production install check failed: ${error.message}`);
  process.exit(1);
});
