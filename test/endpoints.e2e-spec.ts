import { createHmac } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { Account, Hub, startHub } from './harness';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Receiver {
  url: string;
  requests: Received[];
  status: number;
  close(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1 that records every request and answers `status`. */
async function startReceiver(status = 200, answer = 'received'): Promise<Receiver> {
  const requests: Received[] = [];
  const receiver = { requests, status } as Receiver;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(receiver.status, { 'content-type': 'text/plain' }).end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return receiver;
}

/** A URL on which nothing listens (connection refused). */
async function closedPortUrl(): Promise<string> {
  const receiver = await startReceiver();
  await receiver.close();
  return receiver.url;
}

/** The headers as the standardwebhooks library wants them. */
function signatureHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return { 'webhook-id': String(headers['webhook-id']), 'webhook-timestamp': String(headers['webhook-timestamp']), 'webhook-signature': String(headers['webhook-signature']) };
}

function hexSignature(secret: string, body: string): string {
  return createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64')).update(body).digest('hex');
}

const fieldsOf = (body: { details?: { field?: string }[] }) => (body.details ?? []).map((d) => d.field);

const RESPONSE_KEYS = [
  'id', 'url', 'description', 'event_types', 'event_urls', 'channel_id', 'has_bearer_token', 'headers', 'timeout_ms',
  'enabled', 'disabled_reason', 'disabled_at', 'failing_since', 'failing_notified_at', 'disabled_notified_at', 'payload_format', 'created_at', 'updated_at',
].sort();
const TOKEN = 'bearer-PLAINTEXT-3c9e1f';

describe('endpoints (SPEC §3 Endpoints)', () => {
  let hub: Hub;
  let a: Account;
  let b: Account;
  let ok: Receiver;
  let failing: Receiver;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    hub = await startHub();
    [a, b] = [await hub.signup(), await hub.signup()];
    ok = await startReceiver(200, 'thanks');
    failing = await startReceiver(500, 'boom');
    receivers.push(ok, failing);
  });
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await hub.close();
  });

  const create = (account: Account, body: unknown) => hub.request('POST', '/api/endpoints', { token: account.token, body });
  const countEndpoints = async (account: Account): Promise<number> =>
    (await hub.sql<{ n: number }>('SELECT count(*)::int AS n FROM endpoints WHERE account_id = $1', [account.accountId]))[0].n;
  const fresh = async (status = 200): Promise<Receiver> => {
    const receiver = await startReceiver(status);
    receivers.push(receiver);
    return receiver;
  };

  describe('verification before save', () => {
    it('refuses with 422 when the receiver answers 500, saving nothing', async () => {
      const before = failing.requests.length;
      const res = await create(a, { url: failing.url });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ statusCode: 422, error: 'endpoint_verification_failed', url: failing.url, status: 500 });
      expect(res.body.message).toEqual(expect.stringContaining(failing.url));
      expect(failing.requests.length).toBe(before + 1);
      expect(await countEndpoints(a)).toBe(0);
    });

    it('refuses with 422 when the receiver is down', async () => {
      const url = await closedPortUrl();
      const res = await create(a, { url });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ error: 'endpoint_verification_failed', url, status: null });
      expect(res.body.message).toContain('Connection refused');
      expect(await countEndpoints(a)).toBe(0);
    });

    it('refuses when an event URL fails even if the common URL answers', async () => {
      const res = await create(a, { url: ok.url, event_urls: { 'message.bounced': failing.url } });
      expect(res.status).toBe(422);
      expect(res.body.url).toBe(failing.url);
      expect(await countEndpoints(a)).toBe(0);
    });

    it('skip_verification saves without sending anything', async () => {
      const receiver = await fresh(500);
      const res = await create(a, { url: receiver.url, skip_verification: true });
      expect(res.status).toBe(201);
      expect(receiver.requests).toHaveLength(0);
      expect(await hub.request('DELETE', `/api/endpoints/${res.body.id}`, { token: a.token })).toMatchObject({ status: 204 });
    });
  });

  describe('a verified endpoint', () => {
    let id: string;
    let secret: string;
    let receiver: Receiver;

    beforeAll(async () => {
      receiver = await fresh();
      const res = await create(a, {
        url: receiver.url,
        description: 'CRM sync',
        event_types: ['contact.created', 'message.opened'],
        bearer_token: TOKEN,
        headers: { 'X-Env': 'prod' },
        timeout_ms: 5000,
      });
      expect(res.status).toBe(201);
      ({ id, secret } = res.body);
    });

    it('answers 201 with the endpoint and its secret, never the token or account', async () => {
      const res = await hub.request('GET', `/api/endpoints/${id}`, { token: a.token });
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/);
      expect(Object.keys(res.body).sort()).toEqual(RESPONSE_KEYS);
      expect(res.body).toMatchObject({
        url: receiver.url,
        description: 'CRM sync',
        event_types: ['contact.created', 'message.opened'],
        event_urls: {},
        channel_id: null,
        has_bearer_token: true,
        headers: { 'x-env': 'prod' },
        timeout_ms: 5000,
        enabled: true,
        disabled_reason: null,
        payload_format: 'standard',
      });
      expect(res.text).not.toContain(secret);
      expect(res.text).not.toContain(TOKEN);
    });

    it('sent one signed webhook.test that the standardwebhooks package verifies', () => {
      expect(receiver.requests).toHaveLength(1);
      const [sent] = receiver.requests;
      expect(new Webhook(secret).verify(sent.body, signatureHeaders(sent.headers))).toBeTruthy();
      expect(sent.headers['x-webhook-signature']).toBe(hexSignature(secret, sent.body));
      expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(sent.headers['x-env']).toBe('prod');
      expect(sent.headers['user-agent']).toMatch(/^WebhookHub\//);
      expect(sent.headers['content-type']).toBe('application/json');
      const body = JSON.parse(sent.body);
      expect(body).toMatchObject({ type: 'webhook.test', account_id: a.accountId, data: { endpoint_id: id } });
      expect(body.id).toMatch(/^evt_[0-9A-Z]{26}$/);
      expect(sent.headers['webhook-id']).toBe(body.id);
    });

    it('stores secret and token encrypted', async () => {
      const [row] = await hub.sql('SELECT row_to_json(e)::text AS json, secret_encrypted, bearer_token_encrypted FROM endpoints e WHERE id = $1', [id]);
      expect(row.json).not.toContain(TOKEN);
      expect(row.json).not.toContain(secret.slice(6));
      expect(row.secret_encrypted).toMatch(/^v1\./);
      expect(row.bearer_token_encrypted).toMatch(/^v1\./);
    });

    it('lists without secrets and reveals the secret only on /secret', async () => {
      const list = await hub.request('GET', '/api/endpoints', { token: a.token });
      expect(list.status).toBe(200);
      expect(list.body.map((e: { id: string }) => e.id)).toContain(id);
      expect(list.text).not.toContain(secret);
      expect(list.text).not.toContain('account_id');
      expect(list.text).not.toContain('encrypted');
      const revealed = await hub.request('GET', `/api/endpoints/${id}/secret`, { token: a.token });
      expect(revealed).toMatchObject({ status: 200, body: { secret } });
    });

    it('test-sends a catalog example and shows what was sent and what came back', async () => {
      const res = await hub.request('POST', `/api/endpoints/${id}/test`, { token: a.token, body: { event_type: 'contact.created' } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ok: true, status: 200, response_body: 'received', error: null, request: { url: receiver.url } });
      expect(res.body.duration_ms).toEqual(expect.any(Number));
      const sent = receiver.requests.at(-1)!;
      expect(res.body.request.body).toBe(sent.body);
      expect(JSON.parse(sent.body)).toMatchObject({ type: 'contact.created', data: expect.objectContaining({}) });
      expect(res.body.request.headers).toMatchObject({ authorization: '[redacted]', 'x-env': 'prod', 'webhook-id': sent.headers['webhook-id'] });
      expect(res.text).not.toContain(TOKEN);
      expect(new Webhook(secret).verify(sent.body, signatureHeaders(sent.headers))).toBeTruthy();
    });

    it('rotates the secret; both old and new verify for the next 24 h', async () => {
      const res = await hub.request('POST', `/api/endpoints/${id}/rotate-secret`, { token: a.token });
      expect(res.status).toBe(200);
      const rotated = res.body.secret;
      expect(rotated).toMatch(/^whsec_/);
      expect(rotated).not.toBe(secret);
      const overlap = new Date(res.body.previous_secret_expires_at).getTime() - Date.now();
      expect(overlap).toBeGreaterThan(23.9 * 3600_000);
      expect(overlap).toBeLessThanOrEqual(24 * 3600_000);
      expect((await hub.request('GET', `/api/endpoints/${id}/secret`, { token: a.token })).body.secret).toBe(rotated);

      const test = await hub.request('POST', `/api/endpoints/${id}/test`, { token: a.token, body: {} });
      expect(test.body.ok).toBe(true);
      const sent = receiver.requests.at(-1)!;
      expect(String(sent.headers['webhook-signature']).split(' ')).toHaveLength(2);
      expect(new Webhook(rotated).verify(sent.body, signatureHeaders(sent.headers))).toBeTruthy();
      expect(new Webhook(secret).verify(sent.body, signatureHeaders(sent.headers))).toBeTruthy();
      expect(sent.headers['x-webhook-signature']).toBe(hexSignature(rotated, sent.body));
      secret = rotated;
    });

    it('test-sends report ok false for a 500 and for a closed port', async () => {
      const down = await closedPortUrl();
      const patched = await hub.request('PATCH', `/api/endpoints/${id}`, {
        token: a.token,
        body: { event_urls: { 'message.bounced': failing.url, 'message.failed': down }, skip_verification: true },
      });
      expect(patched.status).toBe(200);
      const five = await hub.request('POST', `/api/endpoints/${id}/test`, { token: a.token, body: { event_type: 'message.bounced' } });
      expect(five.body).toMatchObject({ ok: false, status: 500, response_body: 'boom', error: 'HTTP 500', request: { url: failing.url } });
      const refused = await hub.request('POST', `/api/endpoints/${id}/test`, { token: a.token, body: { event_type: 'message.failed' } });
      expect(refused.status).toBe(200);
      expect(refused.body).toMatchObject({ ok: false, status: null, response_body: null, error: 'Connection refused', request: { url: down } });
    });

    it('refuses a test of an unknown event type', async () => {
      const res = await hub.request('POST', `/api/endpoints/${id}/test`, { token: a.token, body: { event_type: 'nope.nothing' } });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['event_type']);
    });

    it('disables manually and enables again, clearing the failure state', async () => {
      const off = await hub.request('POST', `/api/endpoints/${id}/disable`, { token: a.token });
      expect(off.status).toBe(200);
      expect(off.body).toMatchObject({ enabled: false, disabled_reason: 'manual' });
      expect(off.body.disabled_at).toEqual(expect.any(String));
      await hub.sql('UPDATE endpoints SET failing_since = now() WHERE id = $1', [id]);
      const on = await hub.request('POST', `/api/endpoints/${id}/enable`, { token: a.token });
      expect(on.body).toMatchObject({ enabled: true, disabled_reason: null, disabled_at: null, failing_since: null });
    });
  });

  describe('PATCH', () => {
    let id: string;
    let common: Receiver;
    let bounces: Receiver;

    beforeAll(async () => {
      [common, bounces] = [await fresh(), await fresh()];
      const res = await create(a, { url: common.url, event_urls: { 'message.bounced': bounces.url } });
      expect(res.status).toBe(201);
      id = res.body.id;
      expect([common.requests.length, bounces.requests.length]).toEqual([1, 1]);
    });

    it('does not verify when no URL changed', async () => {
      const res = await hub.request('PATCH', `/api/endpoints/${id}`, { token: a.token, body: { description: 'renamed', headers: { 'X-Team': 'crm' } } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ description: 'renamed', url: common.url, headers: { 'x-team': 'crm' } });
      expect([common.requests.length, bounces.requests.length]).toEqual([1, 1]);
    });

    it('verifies only the changed URL', async () => {
      const next = await fresh();
      const res = await hub.request('PATCH', `/api/endpoints/${id}`, { token: a.token, body: { url: next.url } });
      expect(res.status).toBe(200);
      expect(res.body.url).toBe(next.url);
      expect(next.requests).toHaveLength(1);
      expect(JSON.parse(next.requests[0].body)).toMatchObject({ type: 'webhook.test', data: { endpoint_id: id } });
      expect(next.requests[0].headers['x-team']).toBe('crm');
      expect([common.requests.length, bounces.requests.length]).toEqual([1, 1]);
    });

    it('refuses a changed URL that fails verification and keeps the stored one', async () => {
      const before = await hub.request('GET', `/api/endpoints/${id}`, { token: a.token });
      const res = await hub.request('PATCH', `/api/endpoints/${id}`, { token: a.token, body: { url: failing.url, description: 'not saved' } });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ error: 'endpoint_verification_failed', url: failing.url, status: 500 });
      const after = await hub.request('GET', `/api/endpoints/${id}`, { token: a.token });
      expect(after.body).toEqual(before.body);
    });

    it('clears the bearer token with null and refuses a common URL removal that leaves events nowhere to go', async () => {
      const cleared = await hub.request('PATCH', `/api/endpoints/${id}`, { token: a.token, body: { bearer_token: null, event_types: ['contact.created'] } });
      expect(cleared.body).toMatchObject({ has_bearer_token: false, event_types: ['contact.created'] });
      const res = await hub.request('PATCH', `/api/endpoints/${id}`, { token: a.token, body: { url: null } });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['event_types[0]']);
    });

    it('deletes', async () => {
      expect((await hub.request('DELETE', `/api/endpoints/${id}`, { token: a.token })).status).toBe(204);
      expect((await hub.request('GET', `/api/endpoints/${id}`, { token: a.token })).status).toBe(404);
    });
  });

  describe('scope and channels', () => {
    it('accepts event URLs without a common URL, and a channel of the account; 404 for another account’s channel', async () => {
      const channel = await hub.request('POST', '/api/channels', {
        token: a.token,
        body: { type: 'sms', name: 'Alerts', from_number: '+15555550123', provider_url: 'https://sms.example.com/api/send' },
      });
      expect(channel.status).toBe(201);
      const res = await create(a, { url: '', event_urls: { 'message.bounced': ok.url }, channel_id: channel.body.id });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ url: null, event_urls: { 'message.bounced': ok.url }, channel_id: channel.body.id });
      const sent = JSON.parse(ok.requests.at(-1)!.body);
      expect(sent).toMatchObject({ type: 'webhook.test', channel: 'sms', channel_id: channel.body.id });

      const other = await hub.request('POST', `/api/endpoints/${res.body.id}/test`, { token: a.token, body: { event_type: 'contact.created' } });
      expect(other.status).toBe(400);
      expect(fieldsOf(other.body)).toEqual(['event_type']);

      const before = await countEndpoints(b);
      const foreign = await create(b, { url: ok.url, channel_id: channel.body.id });
      expect(foreign.status).toBe(404);
      expect(await countEndpoints(b)).toBe(before);
    });

    it("answers 404 for another account's endpoint on every by-id route, changing nothing", async () => {
      const mine = await create(a, { url: ok.url, skip_verification: true });
      const id = mine.body.id;
      const routes: [string, string, unknown?][] = [
        ['GET', `/api/endpoints/${id}`],
        ['PATCH', `/api/endpoints/${id}`, { description: 'stolen' }],
        ['DELETE', `/api/endpoints/${id}`],
        ['GET', `/api/endpoints/${id}/secret`],
        ['POST', `/api/endpoints/${id}/rotate-secret`],
        ['POST', `/api/endpoints/${id}/enable`],
        ['POST', `/api/endpoints/${id}/disable`],
        ['POST', `/api/endpoints/${id}/test`, {}],
      ];
      const sentBefore = ok.requests.length;
      for (const [method, path, body] of routes) {
        const res = await hub.request(method, path, { token: b.token, body });
        expect([method, path, res.status]).toEqual([method, path, 404]);
        expect(res.text).not.toContain(ok.url);
      }
      expect(ok.requests.length).toBe(sentBefore);
      const after = await hub.request('GET', `/api/endpoints/${id}`, { token: a.token });
      expect(after.body).toMatchObject({ description: null, enabled: true });
      expect((await hub.request('GET', `/api/endpoints/${id}/secret`, { token: a.token })).body.secret).toBe(mine.body.secret);
      expect((await hub.request('GET', '/api/endpoints', { token: b.token })).body.map((e: { id: string }) => e.id)).not.toContain(id);
    });

    it('needs a token', async () => {
      expect((await hub.request('GET', '/api/endpoints')).status).toBe(401);
      expect((await hub.request('POST', '/api/endpoints', { body: { url: ok.url } })).status).toBe(401);
    });
  });

  describe('bad input: 400 naming the field, nothing saved', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['an invalid URL', { url: 'not a url' }, 'url'],
      ['ftp:', { url: 'ftp://example.com/hooks' }, 'url'],
      ['credentials in the URL', { url: 'https://user:secret@example.com/hooks' }, 'url'],
      ['a URL over 2048 characters', { url: `https://example.com/${'a'.repeat(2050)}` }, 'url'],
      ['no URL at all', { description: 'nowhere' }, 'url'],
      ['an unknown event type', { url: 'https://example.com/h', event_types: ['contact.created', 'contact.exploded'] }, 'event_types[1]'],
      ['an event URL for an unknown type', { url: 'https://example.com/h', event_urls: { 'nope.nothing': 'https://example.com/n' } }, 'event_urls.nope.nothing'],
      ['a bad event URL', { event_urls: { 'message.bounced': 'ftp://example.com/b' } }, 'event_urls.message.bounced'],
      ['an unknown field', { url: 'https://example.com/h', colour: 'blue' }, 'colour'],
      ['account_id in the body', { url: 'https://example.com/h', account_id: '00000000-0000-4000-8000-000000000000' }, 'account_id'],
      ['a reserved header', { url: 'https://example.com/h', headers: { Authorization: 'Basic x' } }, 'headers.Authorization'],
      ['a webhook-* header', { url: 'https://example.com/h', headers: { 'Webhook-Id': 'x' } }, 'headers.Webhook-Id'],
      ['an invalid header name', { url: 'https://example.com/h', headers: { 'X Bad': 'x' } }, 'headers.X Bad'],
      ['a timeout below 1000 ms', { url: 'https://example.com/h', timeout_ms: 500 }, 'timeout_ms'],
      ['a timeout above 30000 ms', { url: 'https://example.com/h', timeout_ms: 30001 }, 'timeout_ms'],
      ['an unknown payload format', { url: 'https://example.com/h', payload_format: 'xml' }, 'payload_format'],
      ['a malformed channel_id', { url: 'https://example.com/h', channel_id: 'abc' }, 'channel_id'],
      ['enabled: null', { url: 'https://example.com/h', enabled: null }, 'enabled'],
    ];

    it.each(cases)('%s', async (_name, body, field) => {
      const before = await countEndpoints(b);
      const res = await create(b, { ...body, skip_verification: true });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toContain(field);
      expect(await countEndpoints(b)).toBe(before);
    });

    it('refuses a bad PATCH the same way, changing nothing', async () => {
      const created = await create(b, { url: ok.url, skip_verification: true });
      for (const [, body, field] of cases.filter(([name]) => name !== 'no URL at all')) {
        const res = await hub.request('PATCH', `/api/endpoints/${created.body.id}`, { token: b.token, body });
        expect([field, res.status, fieldsOf(res.body)]).toEqual([field, 400, expect.arrayContaining([field])]);
      }
      expect((await hub.request('GET', `/api/endpoints/${created.body.id}`, { token: b.token })).body).toMatchObject({ url: ok.url, headers: {}, timeout_ms: null });
    });
  });

  describe('test sends of an unsaved URL', () => {
    it('signs with a throwaway secret it returns, with the given token and headers', async () => {
      const receiver = await fresh();
      const res = await hub.request('POST', '/api/endpoints/test', {
        token: a.token,
        body: { url: receiver.url, event_type: 'message.opened', bearer_token: TOKEN, headers: { 'X-Env': 'staging' } },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ok: true, status: 200, response_body: 'received', error: null, request: { url: receiver.url } });
      expect(res.body.secret).toMatch(/^whsec_/);
      const [sent] = receiver.requests;
      expect(res.body.request.body).toBe(sent.body);
      expect(JSON.parse(sent.body)).toMatchObject({ type: 'message.opened', account_id: a.accountId });
      expect(new Webhook(res.body.secret).verify(sent.body, signatureHeaders(sent.headers))).toBeTruthy();
      expect(sent.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'x-env': 'staging' });
      expect(res.body.request.headers.authorization).toBe('[redacted]');
      expect(res.text).not.toContain(TOKEN);
    });

    it('defaults to webhook.test and reports a 500 and a closed port as ok false', async () => {
      const five = await hub.request('POST', '/api/endpoints/test', { token: a.token, body: { url: failing.url } });
      expect(five.body).toMatchObject({ ok: false, status: 500, response_body: 'boom' });
      expect(JSON.parse(five.body.request.body).type).toBe('webhook.test');
      const down = await closedPortUrl();
      const refused = await hub.request('POST', '/api/endpoints/test', { token: a.token, body: { url: down } });
      expect(refused.status).toBe(200);
      expect(refused.body).toMatchObject({ ok: false, status: null, error: 'Connection refused' });
    });

    it('refuses bad input with 400', async () => {
      const res = await hub.request('POST', '/api/endpoints/test', { token: a.token, body: { url: 'ftp://x.example/', event_type: 'nope.x', headers: { Host: 'x' } } });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['url', 'event_type', 'headers.Host']);
    });
  });
});

describe('endpoints: SSRF guard (WEBHOOK_ALLOW_PRIVATE_NETWORKS=false)', () => {
  let hub: Hub;
  let a: Account;

  beforeAll(async () => {
    hub = await startHub({ env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' } });
    a = await hub.signup();
  });
  afterAll(async () => {
    await hub.close();
  });

  const BLOCKED = [
    'http://127.0.0.1/',
    'http://localhost/',
    'http://10.0.0.1/',
    'http://172.16.0.1/',
    'http://192.168.0.1/',
    'http://169.254.169.254/latest/meta-data',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[fe80::1]/',
    'http://2130706433/',
    'http://0177.0.0.1/',
    'http://0x7f.0.0.1/',
  ];

  it.each(BLOCKED)('refuses %s with 400 naming url, saving nothing', async (url) => {
    const res = await hub.request('POST', '/api/endpoints', { token: a.token, body: { url } });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['url']);
    expect(res.body.message).toMatch(/private|loopback|reserved/);
    const rows = await hub.sql('SELECT id FROM endpoints WHERE account_id = $1', [a.accountId]);
    expect(rows).toHaveLength(0);
  });

  it('names event_urls.<type> for a blocked event URL, also with skip_verification', async () => {
    const res = await hub.request('POST', '/api/endpoints', {
      token: a.token,
      body: { event_urls: { 'message.bounced': 'http://169.254.169.254/' }, skip_verification: true },
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['event_urls.message.bounced']);
  });

  it('a test send to a blocked address is ok false with the reason, not a 4xx', async () => {
    const res = await hub.request('POST', '/api/endpoints/test', { token: a.token, body: { url: 'http://169.254.169.254/latest/meta-data' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, status: null, response_body: null, request: { url: 'http://169.254.169.254/latest/meta-data' } });
    expect(res.body.error).toMatch(/169\.254\.169\.254/);
  });
});
