import { Account, Hub, startHub } from './harness';

/** A public address literal: passes the address policy without DNS, and nothing is sent to it (skip_verification). */
const PUBLIC_URL = 'https://93.184.216.34/hooks';
const fieldsOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field);

describe('endpoint abuse: addresses, headers, quotas (private networks refused)', () => {
  let hub: Hub;
  let a: Account;
  beforeAll(async () => {
    hub = await startHub({ env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false', MAX_ENDPOINTS_PER_ACCOUNT: '3', MAX_ENDPOINTS_PER_EVENT: '2' } });
    a = await hub.signup();
  });
  afterAll(async () => {
    await hub.close();
  });

  it.each([
    'http://[::127.0.0.1]/',
    'http://[::169.254.169.254]/latest/meta-data',
    'http://[::ffff:0:10.0.0.1]/',
    'http://[64:ff9b::10.0.0.1]/',
    'http://[64:ff9b::169.254.169.254]/',
    'http://[2002:a9fe:a9fe::1]/',
  ])('refuses %s, an IPv4-in-IPv6 form of an internal address (400 naming url)', async (url) => {
    const res = await hub.request('POST', '/api/endpoints', { token: a.token, body: { url, skip_verification: true } });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['url']);
    const test = await hub.request('POST', '/api/endpoints/test', { token: a.token, body: { url } });
    expect(test.body).toMatchObject({ ok: false, status: null });
  });

  it('says a name is blocked without saying what it resolves to', async () => {
    const res = await hub.request('POST', '/api/endpoints/test', { token: a.token, body: { url: 'http://localhost:9/hooks' } });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.error).toBe('localhost resolves to a blocked address (private, loopback, link-local or reserved)');
    const saved = await hub.request('POST', '/api/endpoints', { token: a.token, body: { url: 'http://localhost:9/hooks', skip_verification: true } });
    expect(saved.status).toBe(400);
    expect(saved.text).not.toMatch(/127\.0\.0\.1|::1/);
  });

  it.each(['Transfer-Encoding', 'expect', 'Upgrade', 'keep-alive', 'Connection', 'TE', 'Trailer', 'Content-Encoding', 'Proxy-Authorization'])(
    'refuses the hop-by-hop or framing header %s at save and in a test send (400 naming it)',
    async (name) => {
      const headers = { [name]: 'x', 'X-Env': 'prod' };
      const saved = await hub.request('POST', '/api/endpoints', { token: a.token, body: { url: PUBLIC_URL, headers, skip_verification: true } });
      expect(saved.status).toBe(400);
      expect(saved.body.details).toEqual([{ field: `headers.${name}`, message: `${name} is a hop-by-hop or framing header and cannot be a custom header` }]);
      const test = await hub.request('POST', '/api/endpoints/test', { token: a.token, body: { url: PUBLIC_URL, headers } });
      expect(test.status).toBe(400);
      expect(fieldsOf(test.body)).toEqual([`headers.${name}`]);
    },
  );

  it('refuses a PATCH that adds such a header, keeping the endpoint as it was', async () => {
    const created = await hub.request('POST', '/api/endpoints', { token: a.token, body: { url: PUBLIC_URL, headers: { 'X-Env': 'prod' }, skip_verification: true, enabled: false } });
    expect(created.status).toBe(201);
    const patched = await hub.request('PATCH', `/api/endpoints/${created.body.id}`, { token: a.token, body: { headers: { Expect: '100-continue' } } });
    expect(patched.status).toBe(400);
    expect(fieldsOf(patched.body)).toEqual(['headers.Expect']);
    const [row] = await hub.sql('SELECT headers FROM endpoints WHERE id = $1', [created.body.id]);
    expect(row.headers).toEqual({ 'x-env': 'prod' });
    await hub.request('DELETE', `/api/endpoints/${created.body.id}`, { token: a.token });
  });

  it('limits how many enabled endpoints one event type reaches (MAX_ENDPOINTS_PER_EVENT=2) and how many endpoints an account has (3)', async () => {
    const b = await hub.signup();
    const create = (body: object) => hub.request('POST', '/api/endpoints', { token: b.token, body: { url: PUBLIC_URL, skip_verification: true, ...body } });
    expect((await create({})).status).toBe(201);
    expect((await create({ event_types: ['custom.order'] })).status).toBe(201);

    const third = await create({ event_types: ['custom.order'] });
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({ statusCode: 409, error: 'quota_exceeded', details: [{ field: 'MAX_ENDPOINTS_PER_EVENT' }] });
    expect(third.body.message).toMatch(/^An event of type custom\.order would reach 3 enabled endpoints of this account, more than MAX_ENDPOINTS_PER_EVENT=2/);
    // Every event already reaches the first endpoint: one more for all events would make 3 for custom.order.
    expect((await create({})).body.message).toMatch(/type custom\.order would reach 3/);

    const disabled = await create({ event_types: ['custom.order'], enabled: false });
    expect(disabled.status).toBe(201);
    const enable = await hub.request('POST', `/api/endpoints/${disabled.body.id}/enable`, { token: b.token });
    expect(enable.status).toBe(409);
    expect(enable.body.error).toBe('quota_exceeded');

    const fourth = await create({ enabled: false });
    expect(fourth.status).toBe(409);
    expect(fourth.body).toMatchObject({ error: 'quota_exceeded', details: [{ field: 'MAX_ENDPOINTS_PER_ACCOUNT' }] });
    expect(fourth.body.message).toBe('This account has 3 endpoints, the most it may have (MAX_ENDPOINTS_PER_ACCOUNT=3); delete one first');
    // The WhatsAble-compatible route makes endpoints too, under the same quotas.
    const whatsable = await hub.request('POST', '/api/webhooks/create', { token: b.token, body: { webhook: PUBLIC_URL } });
    expect(whatsable.status).toBe(409);
    expect(whatsable.body).toMatchObject({ error: 'quota_exceeded', details: [{ field: 'MAX_ENDPOINTS_PER_ACCOUNT' }] });
    expect(await hub.sql('SELECT enabled FROM endpoints WHERE account_id = $1 ORDER BY created_at', [b.accountId])).toEqual([{ enabled: true }, { enabled: true }, { enabled: false }]);

    // One event makes at most 2 deliveries.
    const published = await hub.request('POST', '/api/events', { token: b.token, body: { type: 'custom.order', data: { n: 1 } } });
    expect(published.status).toBe(202);
    expect(await hub.sql('SELECT count(*)::int AS n FROM deliveries WHERE event_id = $1', [published.body.id])).toEqual([{ n: 2 }]);
  });

  it('holds the endpoint count under concurrent creates', async () => {
    const c = await hub.signup();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => hub.request('POST', '/api/endpoints', { token: c.token, body: { url: PUBLIC_URL, skip_verification: true, enabled: false } })),
    );
    expect(answers.map((res) => res.status).sort()).toEqual([201, 201, 201, 409, 409, 409]);
    expect(await hub.sql('SELECT count(*)::int AS n FROM endpoints WHERE account_id = $1', [c.accountId])).toEqual([{ n: 3 }]);
  });
});
