import { randomUUID } from 'node:crypto';
import { Account, Hub, startHub } from './harness';

const fieldsOf = (body: { details?: { field?: string }[] }) => (body.details ?? []).map((d) => d.field);

describe('WhatsAble-compatible webhook API (SPEC §4)', () => {
  let hub: Hub;
  let a: Account;
  let b: Account;
  let apiKey: string;

  beforeAll(async () => {
    hub = await startHub();
    [a, b] = [await hub.signup(), await hub.signup()];
    const key = await hub.request('POST', '/api/api-keys', { token: a.token, body: { name: 'whatsable' } });
    apiKey = key.body.key;
  });
  afterAll(async () => {
    await hub.close();
  });

  const createWebhook = (token: string, body: unknown) => hub.request('POST', '/api/webhooks/create', { token, body });
  const count = async (account: Account): Promise<number> =>
    (await hub.sql<{ n: number }>('SELECT count(*)::int AS n FROM endpoints WHERE account_id = $1', [account.accountId]))[0].n;

  it('answers 401 without a token on every route', async () => {
    expect((await hub.request('GET', '/api/webhooks/get')).status).toBe(401);
    expect((await hub.request('POST', '/api/webhooks/create', { body: { webhook: 'https://example.com/h' } })).status).toBe(401);
    expect((await hub.request('DELETE', `/api/webhooks/delete?id=${randomUUID()}`)).status).toBe(401);
    expect((await hub.request('GET', '/api/webhooks/get', { token: 'whk_not-a-real-key' })).status).toBe(401);
    expect(await count(a)).toBe(0);
  });

  it('creates a webhook for every event with an API key, without a verification send', async () => {
    const res = await createWebhook(apiKey, { webhook: 'https://hooks.example.com/catch/1' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      data: { id: expect.any(String), created_at: expect.any(String), webhook: 'https://hooks.example.com/catch/1', user_id: a.accountId },
    });
    const [row] = await hub.sql('SELECT url, event_types, event_urls, channel_id, enabled, payload_format, secret_encrypted FROM endpoints WHERE id = $1', [res.body.data.id]);
    // A WhatsAble webhook receives incoming messages in WhatsAble's conversation shape.
    expect(row).toMatchObject({ url: 'https://hooks.example.com/catch/1', event_types: ['message.received'], event_urls: {}, channel_id: null, enabled: true, payload_format: 'conversation' });
    expect(row.secret_encrypted).toMatch(/^v1\./);
  });

  it('lists the account’s webhooks newest first, with a JWT too, never another account’s', async () => {
    const second = await createWebhook(a.token, { webhook: 'https://hooks.example.com/catch/2' });
    await createWebhook(b.token, { webhook: 'https://hooks.example.com/catch/b' });
    const res = await hub.request('GET', '/api/webhooks/get', { token: apiKey });
    expect(res.status).toBe(200);
    expect(res.body.map((w: { webhook: string }) => w.webhook)).toEqual(['https://hooks.example.com/catch/2', 'https://hooks.example.com/catch/1']);
    expect(res.body[0]).toEqual({ id: second.body.data.id, created_at: second.body.data.created_at, webhook: 'https://hooks.example.com/catch/2', user_id: a.accountId });
    const jwt = await hub.request('GET', '/api/webhooks/get', { token: a.token });
    expect(jwt.body).toEqual(res.body);
  });

  it.each([
    ['a missing webhook', {}],
    ['an empty webhook', { webhook: '' }],
    ['a non-URL', { webhook: 'not a url' }],
    ['an ftp URL', { webhook: 'ftp://example.com/x' }],
    ['credentials in the URL', { webhook: 'https://u:p@example.com/x' }],
    ['a non-string', { webhook: 42 }],
  ])('answers 400 naming webhook for %s, saving nothing', async (_name, body) => {
    const before = await count(a);
    const res = await createWebhook(a.token, body);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain('webhook');
    expect(await count(a)).toBe(before);
  });

  it('answers 400 for unknown fields', async () => {
    const res = await createWebhook(a.token, { webhook: 'https://example.com/x', account_id: b.accountId });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['account_id']);
  });

  describe('delete', () => {
    let mine: string;

    beforeAll(async () => {
      mine = (await createWebhook(a.token, { webhook: 'https://hooks.example.com/catch/delete-me' })).body.data.id;
    });

    it('answers 400 without an id', async () => {
      expect((await hub.request('DELETE', '/api/webhooks/delete', { token: a.token })).status).toBe(400);
      const empty = await hub.request('DELETE', '/api/webhooks/delete?id=', { token: a.token });
      expect(empty.status).toBe(400);
      expect(fieldsOf(empty.body)).toEqual(['id']);
    });

    it('answers 404 for an id that does not exist', async () => {
      expect((await hub.request('DELETE', `/api/webhooks/delete?id=${randomUUID()}`, { token: a.token })).status).toBe(404);
      expect((await hub.request('DELETE', '/api/webhooks/delete?id=abc', { token: a.token })).status).toBe(404);
    });

    it("answers 403 for another account's webhook and keeps it", async () => {
      const res = await hub.request('DELETE', `/api/webhooks/delete?id=${mine}`, { token: b.token });
      expect(res.status).toBe(403);
      expect(await hub.sql('SELECT id FROM endpoints WHERE id = $1', [mine])).toHaveLength(1);
    });

    it('deletes its own webhook', async () => {
      const res = await hub.request('DELETE', `/api/webhooks/delete?id=${mine}`, { token: apiKey });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ success: true });
      expect(await hub.sql('SELECT id FROM endpoints WHERE id = $1', [mine])).toHaveLength(0);
      expect((await hub.request('DELETE', `/api/webhooks/delete?id=${mine}`, { token: apiKey })).status).toBe(404);
    });
  });

  it('shares the endpoints table: a webhook is an endpoint of the admin API', async () => {
    const created = await createWebhook(a.token, { webhook: 'https://hooks.example.com/catch/shared' });
    const endpoint = await hub.request('GET', `/api/endpoints/${created.body.data.id}`, { token: a.token });
    expect(endpoint.status).toBe(200);
    expect(endpoint.body).toMatchObject({ url: 'https://hooks.example.com/catch/shared', event_types: ['message.received'], channel_id: null, enabled: true, payload_format: 'conversation' });
  });
});

describe('WhatsAble-compatible webhook API: SSRF guard', () => {
  let hub: Hub;
  let a: Account;

  beforeAll(async () => {
    hub = await startHub({ env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' } });
    a = await hub.signup();
  });
  afterAll(async () => {
    await hub.close();
  });

  it.each(['http://127.0.0.1/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/', 'http://10.1.2.3/'])('refuses %s with 400 naming webhook', async (webhook) => {
    const res = await hub.request('POST', '/api/webhooks/create', { token: a.token, body: { webhook } });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['webhook']);
    expect(await hub.sql('SELECT id FROM endpoints WHERE account_id = $1', [a.accountId])).toHaveLength(0);
  });
});
