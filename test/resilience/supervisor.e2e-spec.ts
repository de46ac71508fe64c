import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:net';
import { eventually, Receiver } from '../support/receiver';
import { freePort } from '../support/free-port';
import { SupervisorProcess } from '../support/supervisor-process';
import { adminQuery, databaseUrl } from '../test-database';

const ADMIN = { email: 'supervisor-admin@example.com', password: 'supervisor-password-1' };

function hubEnv(dbName: string, port: number): Record<string, string> {
  return {
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: databaseUrl(dbName),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_QUEUE_PREFIX: `test-${dbName}`,
    JWT_SECRET: 'test-jwt-secret-0123456789abcdef0123456789',
    APP_SECRET_KEY: 'test-app-secret-0123456789abcdef0123456789',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    WEBHOOK_SWEEP_INTERVAL_MS: '1000',
    HUB_API_PROCESSES: '2',
    HUB_WORKER_PROCESSES: '1',
    LOG_LEVEL: 'warn',
  };
}

async function call(url: string, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(url + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, text, body: text.startsWith('{') ? JSON.parse(text) : undefined };
}

/**
 * Issue "Production start" item 1: `npm start` is a supervisor that migrates a
 * fresh database once, runs two api processes on one port and a worker,
 * restarts a process that dies, serves the whole hub's metrics, and stops
 * everything with one Ctrl-C, answering the request in flight first.
 */
describe('npm start: the supervisor', () => {
  const dbName = `hub_test_sup_${randomBytes(5).toString('hex')}`;
  let receiver: Receiver;
  let supervisor: SupervisorProcess | undefined;

  beforeAll(async () => {
    receiver = await new Receiver().start();
  });
  afterAll(async () => {
    supervisor?.killAll();
    await receiver.stop();
    await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  });

  it('runs, heals and stops the hub', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    supervisor = new SupervisorProcess(hubEnv(dbName, port)).start();
    await supervisor.waitForOutput(/Webhook Hub listening .*: 2 api process\(es\), 1 worker/);
    expect(supervisor.output).toContain('Applied migrations');
    const first = supervisor.children();
    expect(first.api).toHaveLength(2);
    expect(first.worker).toHaveLength(1);

    const login = await call(url, 'POST', '/api/auth/login', undefined, ADMIN);
    expect(login.status).toBe(200);
    const token = login.body.access_token as string;
    const endpoint = await call(url, 'POST', '/api/endpoints', token, { url: receiver.url(), event_types: ['custom.order'], skip_verification: true });
    expect(endpoint.status).toBe(201);
    for (let i = 0; i < 20; i++) expect((await call(url, 'POST', '/api/events', token, { type: 'custom.order', data: { n: i } })).status).toBe(202);
    await receiver.waitFor(20, 30000);

    // Deliveries are counted in the worker; /metrics on the api port reports them whichever api process answers.
    for (let i = 0; i < 4; i++) {
      const metrics = await call(url, 'GET', '/metrics');
      expect(metrics.text).toMatch(/^webhook_hub_deliveries_total\{outcome="succeeded"\} 20$/m);
    }

    // A worker that dies is started again, and the hub keeps delivering.
    process.kill(first.worker[0], 'SIGKILL');
    await supervisor.waitForOutput(/worker process 1 \(pid \d+\) exited with signal SIGKILL after [\d.]+ s; starting it again in 1 s/);
    const healed = await eventually(async () => {
      const now = supervisor!.children();
      return now.worker.length === 1 && now.worker[0] !== first.worker[0] ? now : undefined;
    }, 30000);
    expect(healed.api.sort()).toEqual(first.api.sort());
    for (let i = 20; i < 30; i++) expect((await call(url, 'POST', '/api/events', token, { type: 'custom.order', data: { n: i } })).status).toBe(202);
    await receiver.waitFor(30, 30000);

    // Ctrl-C while a request is in flight (a test send to a slow receiver): it is answered, then everything exits 0.
    receiver.respond = (req) => (req.path === '/slow' ? { status: 200, body: 'late', delayMs: 1500 } : { status: 200 });
    const inFlight = call(url, 'POST', '/api/endpoints/test', token, { url: receiver.url('/slow'), event_type: 'webhook.test' });
    await eventually(async () => receiver.received.some((r) => r.path === '/slow'), 10000, 20);
    supervisor.pressCtrlC();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, status: 200, response_body: 'late' });
    const exit = await supervisor.exited;
    if (exit.code !== 0) throw new Error(`supervisor exited ${JSON.stringify(exit)}:\n${supervisor.output}`);
    expect(supervisor.children()).toEqual({ api: [], worker: [] });
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  }, 120000);

  it('exits 1 with the reason when the hub cannot come up (port taken)', async () => {
    const taken: Server = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => taken.listen(port, '0.0.0.0', resolve));
    try {
      supervisor = new SupervisorProcess({ ...hubEnv(dbName, port), DB_MIGRATE: 'false' }).start();
      expect(await supervisor.exited).toEqual({ code: 1, signal: null });
      expect(supervisor.output).toContain(`Port ${port} is in use`);
      expect(supervisor.output).toMatch(/api process \d \(pid \d+\) exited with code 1 before the hub was up: stopping the hub/);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 60000);
});
