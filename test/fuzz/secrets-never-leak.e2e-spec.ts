import { createHmac, randomBytes } from 'node:crypto';
import { eventually, Receiver } from '../support/receiver';
import { SmtpSink } from '../support/smtp-sink';
import { AccountFixtures } from './account-fixtures';
import { HubProcess, ProcessResponse } from './hub-process';
import { fillPath, loadOperations, Operation } from './openapi-operations';

/**
 * Issue 14 item 5: known secret values are configured through the real API
 * and the environment, the e2e flows run (every documented route once, a
 * delivery, a send through an SMTP server that asks for the password, a
 * failing send, an SMS send, a trigger call whose workflow signs an HTTP
 * step, test sends, logins) against the hub as a child process with
 * LOG_LEVEL=debug, and no secret appears in any line it wrote or in any
 * answer, except where REVEALS below says the API shows it on purpose.
 */
const operations = loadOperations();
const secret = (name: string) => `${name}-${randomBytes(12).toString('hex')}`;

const SECRETS = {
  'user password': secret('user-password'),
  'wrong password tried': secret('wrong-password'),
  'admin password': secret('admin-password'),
  'JWT_SECRET': secret('jwt-secret-0123456789abcdef'),
  'APP_SECRET_KEY': secret('app-secret-key-0123456789abcdef'),
  'WHATSAPP_NODE_SECRET': secret('node-secret'),
  'endpoint bearer token': secret('endpoint-bearer'),
  'endpoint custom header value': secret('header-value'),
  'test send bearer token': secret('test-bearer'),
  'SMTP password': secret('smtp-pass'),
  'wrong SMTP password': secret('smtp-wrong-pass'),
  'Mailgun signing key': secret('mailgun-key'),
  'SMS provider token': secret('sms-token'),
  'workflow step header value': secret('step-header'),
  'Meta app secret': secret('meta-app-secret'),
  'Meta page access token': secret('meta-page-token'),
  'Meta verify token': secret('meta-verify-token'),
  'Google lead form key': secret('google-key'),
};

/**
 * Where the API shows a secret on purpose (README "Deviations from SPEC", the
 * controllers' response DTOs). A secret of a kind found anywhere else, or any
 * configured secret above in any answer, fails.
 */
const REVEALS: Record<string, string[]> = {
  // The session itself, to the one who logged in.
  'session token': ['POST /api/auth/signup', 'POST /api/auth/login'],
  // Shown once, stored hashed.
  'API key': ['POST /api/api-keys'],
  // Created with, revealed by the admin app's reveal/copy, and the new one on rotation.
  // (The unsaved test send answers the throwaway secret it signed with: its own, no endpoint's.)
  'endpoint signing secret': ['POST /api/endpoints', 'GET /api/endpoints/{id}/secret', 'POST /api/endpoints/{id}/rotate-secret', 'POST /api/endpoints/test'],
  'workflow signing secret': ['POST /api/workflows', 'GET /api/workflows/{id}/secret'],
  // The trigger id is the webhook URL the admin pastes into the sender: every view of the workflow shows it.
  'trigger webhook id': ['POST /api/workflows', 'GET /api/workflows', 'GET /api/workflows/{id}', 'PATCH /api/workflows/{id}', 'POST /api/workflows/{id}/trigger/rotate'],
  // Endpoint headers are readable configuration (EndpointResponse.headers); only the endpoint's own views show them,
  // never what was sent (request_headers redacts secret-named headers).
  'endpoint custom header value': [
    'POST /api/endpoints',
    'GET /api/endpoints',
    'GET /api/endpoints/{id}',
    'PATCH /api/endpoints/{id}',
    'POST /api/endpoints/{id}/enable',
    'POST /api/endpoints/{id}/disable',
    'POST /api/endpoints/{id}/rotate-secret',
  ],
  // Workflow steps are readable configuration too: their header values are templates the admin wrote.
  'workflow step header value': ['PATCH /api/workflows/{id}', 'GET /api/workflows', 'GET /api/workflows/{id}', 'POST /api/workflows/{id}/trigger/rotate'],
};

function operationOf(method: string, path: string): string {
  const bare = path.split('?')[0];
  const op = operations.find((o) => o.method === method && new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(bare));
  return op ? op.name : `${method} ${bare}`;
}

describe('secrets never leak into logs or answers (LOG_LEVEL=debug, child process)', () => {
  let hub: HubProcess;
  let receiver: Receiver;
  let sink: SmtpSink;
  const answers: { route: string; request: string; res: ProcessResponse }[] = [];
  let token = '';
  let fixtures: AccountFixtures;

  const call = async (method: string, path: string, options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = { token }) => {
    const res = await hub.request(method, path, options);
    answers.push({ route: operationOf(method, path), request: `${method} ${path}`, res });
    return res;
  };
  const as = (body?: unknown) => ({ token, body });

  beforeAll(async () => {
    receiver = await new Receiver().start();
    sink = await new SmtpSink({ user: 'postmaster@mg.example.com', pass: SECRETS['SMTP password'] }).start();
    hub = new HubProcess({
      LOG_LEVEL: 'debug',
      JWT_SECRET: SECRETS.JWT_SECRET,
      APP_SECRET_KEY: SECRETS.APP_SECRET_KEY,
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: SECRETS['admin password'],
      WHATSAPP_NODE_SECRET: SECRETS.WHATSAPP_NODE_SECRET,
      WHATSAPP_NODE_URL: receiver.url('/node'),
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      PUBLIC_URL: 'https://hub.example.com',
    });
    await hub.start();
  }, 120_000);

  afterAll(async () => {
    await hub?.stop();
    await sink?.stop();
    await receiver?.stop();
  });

  it('runs the flows with secrets configured through the API', async () => {
    // Accounts and sessions: a signup, a failed and a good login, a malformed body carrying the password.
    const signup = await call('POST', '/api/auth/signup', { body: { email: 'owner@example.com', password: SECRETS['user password'], account_name: 'Secrets' } });
    expect(signup.status).toBe(201);
    token = signup.body.access_token;
    expect((await call('POST', '/api/auth/login', { body: { email: 'owner@example.com', password: SECRETS['wrong password tried'] } })).status).toBe(401);
    expect((await call('POST', '/api/auth/login', { body: { email: 'owner@example.com', password: SECRETS['user password'] } })).status).toBe(200);
    expect((await call('POST', '/api/auth/login', { body: { email: 'admin@example.com', password: SECRETS['admin password'] } })).status).toBe(200);
    expect((await call('POST', '/api/auth/login', { raw: `{"email":"owner@example.com","password":"${SECRETS['user password']}"` })).status).toBe(400);
    expect((await call('POST', '/api/auth/login', { raw: SECRETS['user password'] })).status).toBe(400);

    // One record of every resource, its secrets set to the known values wherever the examples carry one.
    fixtures = await AccountFixtures.create(operations, (method, path, body) => call(method, path, as(body)), {
      receiverUrl: receiver.url(),
      overrides: {
        bearer_token: SECRETS['endpoint bearer token'],
        headers: { 'x-auth-token': SECRETS['endpoint custom header value'], 'x-env': 'prod' },
        pass: SECRETS['SMTP password'],
        user: 'postmaster@mg.example.com',
        host: '127.0.0.1',
        port: sink.port,
        secure: false,
        webhook_signing_key: SECRETS['Mailgun signing key'],
        auth_token: SECRETS['SMS provider token'],
        app_secret: SECRETS['Meta app secret'],
        page_access_token: SECRETS['Meta page access token'],
        verify_token: SECRETS['Meta verify token'],
        google_key: SECRETS['Google lead form key'],
      },
    });
    expect(fixtures.failures).toEqual([]);
    const channelOf = (type: string) => fixtures.idFor('/api/channels', [type])!;
    const endpointId = fixtures.idFor('/api/endpoints')!;

    // A delivery: the endpoint (bearer token, secret header) gets contact.created from the contact fixture.
    await receiver.waitFor(1);
    await eventually(async () => (await hub.sql("SELECT 1 FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id WHERE d.endpoint_id = $1", [endpointId])).length > 0);
    const delivered = receiver.received.find((r) => r.headers.authorization === `Bearer ${SECRETS['endpoint bearer token']}`);
    expect(delivered?.headers['x-auth-token']).toBe(SECRETS['endpoint custom header value']);
    const deliveries = await call('GET', `/api/deliveries?endpoint_id=${endpointId}`, as());
    for (const d of deliveries.body.items) await call('GET', `/api/deliveries/${d.id}`, as());

    // Sends: through the SMTP server that checks the password, through one with a wrong password, and an SMS.
    const mail = await call('POST', '/api/email/send', as({ channel_id: channelOf('email'), to: 'someone@example.com', subject: 'Hello', body: 'Hi' }));
    expect(mail.status).toBe(202);
    await sink.waitFor(1);
    const wrong = await call('POST', '/api/channels', as({ type: 'email', name: 'Wrong password', from_address: 'x@example.com', provider: 'smtp', smtp: { host: '127.0.0.1', port: sink.port, secure: false, user: 'postmaster@mg.example.com', pass: SECRETS['wrong SMTP password'] } }));
    const failing = await call('POST', '/api/email/send', as({ channel_id: wrong.body.id, to: 'someone@example.com', subject: 'Hello', body: 'Hi' }));
    const sms = await call('POST', '/api/sms/send', as({ channel_id: channelOf('sms'), to: '+34612345678', body: 'Hi' }));
    for (const id of [mail.body.message_id, failing.body.message_id, sms.body.message_id]) {
      await eventually(async () => {
        const message = await call('GET', `/api/messages/${id}`, as());
        return message.body.status !== 'queued';
      });
    }
    expect(receiver.received.some((r) => r.headers.authorization === `Bearer ${SECRETS['SMS provider token']}`)).toBe(true);

    // A trigger call: the workflow signs an HTTP step (its signing secret) that carries a header of its own.
    const workflowId = fixtures.idFor('/api/workflows')!;
    const workflow = await call('PATCH', `/api/workflows/${workflowId}`, as({ active: true, steps: [{ type: 'http_request', url: receiver.url('/step'), headers: { 'x-step-token': SECRETS['workflow step header value'] } }] }));
    expect(workflow.status).toBe(200);
    const before = receiver.received.length;
    const triggered = await call('POST', `/api/automation/webhook/${workflow.body.trigger.webhook_id}`, { body: { email: 'lead@example.com', plan: 'pro' } });
    expect(triggered.status).toBe(200);
    await eventually(async () => receiver.received.slice(before).some((r) => r.path === '/step'));
    const runs = await call('GET', `/api/workflows/${workflowId}/runs`, as());
    // A run's actions (the fixtures cannot name a run): a finished run answers 409 to both, which is still an answer to read.
    const runId = runs.body.items[0].id;
    await call('POST', `/api/workflows/${workflowId}/runs/${runId}/retry`, as());
    await call('POST', `/api/workflows/${workflowId}/runs/${runId}/cancel`, as());

    // Lead capture: Meta's handshake carries the verify token in the query, its notification is signed with the app secret.
    const metaSource = (await hub.sql<{ page_id: string }>("SELECT page_id FROM lead_sources WHERE provider = 'meta'"))[0];
    expect(metaSource).toBeDefined();
    const handshake = await call('GET', `/api/webhook/meta-lead-ads?hub.mode=subscribe&hub.verify_token=${SECRETS['Meta verify token']}&hub.challenge=42`);
    expect(handshake.text).toBe('42');
    const notification = `{"object":"page","entry":[{"id":"${metaSource.page_id}","changes":[{"field":"leadgen","value":{"leadgen_id":"77","page_id":"${metaSource.page_id}"}}]}]}`;
    const signature = `sha256=${createHmac('sha256', SECRETS['Meta app secret']).update(notification).digest('hex')}`;
    expect((await call('POST', '/api/webhook/meta-lead-ads', { raw: notification, headers: { 'x-hub-signature-256': signature } })).status).toBe(200);

    // Test sends, saved and unsaved, with a bearer token of their own.
    expect((await call('POST', `/api/endpoints/${endpointId}/test`, as({ event_type: 'contact.created' }))).status).toBe(200);
    expect((await call('POST', '/api/endpoints/test', as({ url: receiver.url(), bearer_token: SECRETS['test send bearer token'], headers: { 'x-auth-token': SECRETS['endpoint custom header value'] } }))).status).toBe(200);

    // A signup confirmation needs a token only a mail carries (this hub has no mailer): one that was never issued.
    expect((await call('POST', '/api/auth/signup/confirm', { body: { token: 'A'.repeat(43) } })).status).toBeGreaterThanOrEqual(400);

    // Every documented route once more, with the account's records (reads, updates, actions), deletions last.
    const order: Record<string, number> = { GET: 0, POST: 1, PATCH: 1, PUT: 1, DELETE: 2 };
    for (const op of [...operations].sort((x, y) => order[x.method] - order[y.method])) {
      if (op.method === 'POST' && op.path.startsWith('/api/auth/')) continue;
      if (op.pathParams.some((p) => p.name !== 'id')) await fixtures.refresh();
      const values = fixtures.pathValues(op);
      if (!values) continue;
      const query = op.queryParams.some((p) => p.name === 'id') ? `?id=${fixtures.idFor(op.path.replace(/\/[^/]+$/, ''))}` : '';
      await call(op.method, fillPath(op.path, values) + query, as(op.method === 'GET' ? undefined : fixtures.exampleBody(op)));
    }
    const covered = new Set(answers.map((a) => a.route));
    const missed = operations.filter((op: Operation) => !covered.has(op.name) && op.pathParams.every((p) => p.name !== 'token'));
    expect(missed.map((op) => op.name)).toEqual([]);
  }, 120_000);

  it('no configured secret appears in any log line or any answer', async () => {
    const logs = hub.lines;
    expect(logs.length).toBeGreaterThan(50);
    expect(logs.some((line) => line.includes('"level":20'))).toBe(true); // debug lines were written
    const leaks: string[] = [];
    for (const [name, value] of Object.entries(SECRETS)) {
      for (const line of logs) if (line.includes(value)) leaks.push(`${name} in a log line: ${line.slice(0, 300)}`);
      const allowed = REVEALS[name] ?? [];
      for (const a of answers) if (a.res.text.includes(value) && !allowed.includes(a.route)) leaks.push(`${name} in the answer to ${a.request} (${a.res.status}): ${a.res.text.slice(0, 300)}`);
    }
    expect(leaks).toEqual([]);
  });

  it('secrets the hub generates appear only where REVEALS says, and never in a log line', async () => {
    // Gathered from every answer (any field of these names, wherever it is) and from the database, so none is missed.
    const FIELDS: Record<string, string> = { access_token: 'session token', key: 'API key', secret: 'endpoint signing secret', signing_secret: 'workflow signing secret' };
    const generated: { kind: string; value: string }[] = [];
    const collect = (value: unknown): void => {
      if (!value || typeof value !== 'object') return;
      for (const [field, v] of Object.entries(value)) {
        if (typeof v === 'string' && FIELDS[field] && v.length >= 20) generated.push({ kind: FIELDS[field], value: v });
        else collect(v);
      }
    };
    for (const a of answers) collect(a.res.body);
    for (const { id } of await hub.sql<{ id: string }>('SELECT id FROM endpoints')) {
      const res = await hub.request('GET', `/api/endpoints/${id}/secret`, { token });
      if (res.status === 200) generated.push({ kind: 'endpoint signing secret', value: res.body.secret });
    }
    for (const { webhook_id } of await hub.sql<{ webhook_id: string }>('SELECT webhook_id FROM workflows')) generated.push({ kind: 'trigger webhook id', value: webhook_id });
    const kinds = new Set(generated.map((g) => g.kind));
    expect([...kinds].sort()).toEqual(['API key', 'endpoint signing secret', 'session token', 'trigger webhook id', 'workflow signing secret']);

    const logs = hub.lines;
    const leaks: string[] = [];
    for (const { kind, value } of generated) {
      for (const line of logs) if (line.includes(value)) leaks.push(`${kind} in a log line: ${line.slice(0, 300)}`);
      for (const a of answers) if (a.res.text.includes(value) && !REVEALS[kind].includes(a.route)) leaks.push(`${kind} in the answer to ${a.request} (${a.res.status}): ${a.res.text.slice(Math.max(0, a.res.text.indexOf(value) - 200), a.res.text.indexOf(value) + 100)}`);
    }
    expect(leaks).toEqual([]);
  });
});
