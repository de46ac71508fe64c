import { startHub, Hub } from './harness';

describe('accounts and auth (SPEC §2)', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  it('signs up, logs in and tells who is calling', async () => {
    const signup = await hub.request('POST', '/api/auth/signup', {
      body: { email: 'Owner@Example.com', password: 'long-password-1', account_name: 'Acme' },
    });
    expect(signup.status).toBe(201);
    expect(signup.body.access_token).toEqual(expect.any(String));

    const login = await hub.request('POST', '/api/auth/login', { body: { email: 'owner@example.com', password: 'long-password-1' } });
    expect(login.status).toBe(200);
    expect(login.body.account_id).toBe(signup.body.account_id);

    const me = await hub.request('GET', '/api/auth/me', { token: login.body.access_token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      user: { id: expect.any(String), email: 'owner@example.com' },
      account: { id: signup.body.account_id, name: 'Acme' },
      via: 'user',
    });
    const [user] = await hub.sql('SELECT password_hash FROM users WHERE email = $1', ['owner@example.com']);
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers the same 401 for an unknown email and a wrong password', async () => {
    const a = await hub.signup();
    const wrong = await hub.request('POST', '/api/auth/login', { body: { email: a.email, password: 'not-the-password' } });
    const unknown = await hub.request('POST', '/api/auth/login', { body: { email: 'nobody@example.com', password: 'not-the-password' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password' });
  });

  it('creates nothing for a taken email (202 without a session, README deviations), refuses a short password and unknown fields (400 naming them)', async () => {
    const a = await hub.signup();
    const taken = await hub.request('POST', '/api/auth/signup', { body: { email: a.email, password: 'long-password-1', account_name: 'B' } });
    expect(taken.status).toBe(202);
    expect(taken.body).toEqual({ status: 'not_created', message: expect.any(String) });
    const short = await hub.request('POST', '/api/auth/signup', { body: { email: 'x@example.com', password: 'short', account_name: 'B' } });
    expect(short.status).toBe(400);
    expect(short.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));
    const extra = await hub.request('POST', '/api/auth/signup', {
      body: { email: 'y@example.com', password: 'long-password-1', account_name: 'B', account_id: a.accountId },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.details).toEqual([{ field: 'account_id', message: 'property account_id should not exist' }]);
    expect(await hub.sql('SELECT 1 FROM users WHERE email IN ($1, $2)', ['x@example.com', 'y@example.com'])).toHaveLength(0);
  });

  it('requires a bearer token on admin routes', async () => {
    expect((await hub.request('GET', '/api/auth/me')).status).toBe(401);
    const bad = await hub.request('GET', '/api/auth/me', { token: 'not-a-jwt' });
    expect(bad.status).toBe(401);
    expect(bad.body.message).toBe('Invalid or expired token');
  });

  it('creates API keys shown once, stores only their hash, authenticates with them and revokes them', async () => {
    const a = await hub.signup();
    const created = await hub.request('POST', '/api/api-keys', { token: a.token, body: { name: 'CI' } });
    expect(created.status).toBe(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^whk_[A-Za-z0-9_-]{43}$/);

    const stored = await hub.sql('SELECT * FROM api_keys WHERE id = $1', [created.body.id]);
    expect(JSON.stringify(stored)).not.toContain(key);

    const list = await hub.request('GET', '/api/api-keys', { token: a.token });
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).not.toHaveProperty('key');
    expect(list.body[0].prefix).toBe(key.slice(0, 12));

    const me = await hub.request('GET', '/api/auth/me', { token: key });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: null, via: 'api_key', account: { id: a.accountId } });

    const b = await hub.signup();
    expect((await hub.request('DELETE', `/api/api-keys/${created.body.id}`, { token: b.token })).status).toBe(404);
    expect((await hub.request('DELETE', `/api/api-keys/${created.body.id}`, { token: a.token })).status).toBe(204);
    expect((await hub.request('GET', '/api/auth/me', { token: key })).status).toBe(401);
  });

  it('authenticates each of many concurrent requests by its own key (their lookups share a query), a deleted key at once refused', async () => {
    const a = await hub.signup();
    const b = await hub.signup();
    const keyOf = async (account: { token: string }) => (await hub.request('POST', '/api/api-keys', { token: account.token, body: { name: 'load' } })).body;
    const [ka, kb, gone] = [await keyOf(a), await keyOf(b), await keyOf(a)];
    expect((await hub.request('DELETE', `/api/api-keys/${gone.id}`, { token: a.token })).status).toBe(204);
    const calls = Array.from({ length: 30 }, (_, i) => [ka, kb, gone][i % 3]);
    const answers = await Promise.all(calls.map((k) => hub.request('GET', '/api/auth/me', { token: k.key })));
    expect(answers.map((r) => (r.status === 200 ? r.body.account.id : r.status))).toEqual(calls.map((k) => (k === ka ? a.accountId : k === kb ? b.accountId : 401)));
  });

  it('seeds the first admin from ADMIN_EMAIL / ADMIN_PASSWORD', async () => {
    const login = await hub.request('POST', '/api/auth/login', { body: { email: hub.config.adminEmail, password: 'admin-password-123' } });
    expect(login.status).toBe(200);
  });
});

describe('signup switch and login throttling', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub({ env: { SIGNUP_ENABLED: 'false' } });
  });
  afterAll(async () => {
    await hub.close();
  });

  it('refuses signup when SIGNUP_ENABLED=false', async () => {
    const res = await hub.request('POST', '/api/auth/signup', { body: { email: 'z@example.com', password: 'long-password-1', account_name: 'Z' } });
    expect(res.status).toBe(403);
  });

  it('throttles login after 10 attempts a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await hub.request('POST', '/api/auth/login', { body: { email: 'nobody@example.com', password: 'wrong-password' } })).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });
});
