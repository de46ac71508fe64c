import { randomBytes } from 'node:crypto';
import { Hub, startHub } from './harness';
import { TcpGate } from './support/tcp-gate';

const PASSWORD = 'long-password-1';
const fresh = (label: string) => `${label}-${randomBytes(5).toString('hex')}@example.com`;
const login = (hub: Hub, email: string, headers: Record<string, string> = {}) =>
  hub.request('POST', '/api/auth/login', { body: { email, password: 'wrong-password-1' }, headers });
/** A client address as a proxy in front of the hub reports it. */
const from = (address: string) => ({ 'x-forwarded-for': address });

describe('login throttling without a trusted proxy (TRUST_PROXY unset)', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  it('counts the TCP peer, not an X-Forwarded-For the client makes up', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await login(hub, fresh('guess'), from(`203.0.113.${i + 1}`))).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });

  it('answers a signup for a taken email without saying so, creating nothing, and a new one with a session', async () => {
    const email = fresh('owner');
    const created = await hub.request('POST', '/api/auth/signup', { body: { email, password: PASSWORD, account_name: 'First' } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ access_token: expect.any(String), account_id: expect.any(String) });
    const accounts = await hub.sql('SELECT count(*)::int AS n FROM accounts');

    const again = await hub.request('POST', '/api/auth/signup', { body: { email: email.toUpperCase(), password: 'another-password-1', account_name: 'Second' } });
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ status: 'not_created', message: 'No new account was created. If this email address already has an account, log in with it.' });
    expect(again.text).not.toMatch(/exist|taken|registered/i);
    expect(await hub.sql('SELECT count(*)::int AS n FROM accounts')).toEqual(accounts);
    const [user] = await hub.sql('SELECT account_id FROM users WHERE email = $1', [email]);
    expect(user.account_id).toBe(created.body.account_id);
  });
});

describe('login and signup throttling behind a trusted proxy (TRUST_PROXY=1), shared by two api processes', () => {
  let hub: Hub;
  let sibling: Hub;
  beforeAll(async () => {
    const env = { TRUST_PROXY: '1', SIGNUP_LIMIT_PER_HOUR: '3' };
    hub = await startHub({ env });
    // A second api process of the same hub (same Redis prefix), as `npm start` runs several.
    sibling = await startHub({ env: { ...env, REDIS_QUEUE_PREFIX: hub.config.redisQueuePrefix }, roles: { api: true, worker: false } });
  });
  afterAll(async () => {
    await sibling.close();
    await hub.close();
  });

  it('throttles one account guessed from many addresses (20 per 15 minutes), and no other account with it', async () => {
    const victim = fresh('victim');
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await login(hub, victim, from(`198.51.100.${i + 1}`))).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    const refused = await login(hub, victim, from('198.51.100.99'));
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ statusCode: 429, message: expect.stringMatching(/^Too many login attempts for this account; try again in \d+ s$/) });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Same address, another email: only that account is held back.
    expect((await login(hub, fresh('bystander'), from('198.51.100.99'))).status).toBe(401);
  });

  it('counts an address across api processes: the 11th attempt is refused whichever process takes it', async () => {
    const address = from('192.0.2.10');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await login(i % 2 === 0 ? hub : sibling, fresh('spread'), address)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    const refused = await login(hub, fresh('spread'), address);
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/^Too many login attempts from this address/);
    // Another client behind the same proxy is its own address.
    expect((await login(sibling, fresh('other'), from('192.0.2.11'))).status).toBe(401);
  });

  it('throttles signups per address (SIGNUP_LIMIT_PER_HOUR) across processes', async () => {
    const address = from('192.0.2.20');
    const signup = (target: Hub) => target.request('POST', '/api/auth/signup', { body: { email: fresh('bulk'), password: PASSWORD, account_name: 'Bulk' }, headers: address });
    expect((await signup(hub)).status).toBe(201);
    expect((await signup(sibling)).status).toBe(201);
    expect((await signup(hub)).status).toBe(201);
    const accounts = await hub.sql('SELECT count(*)::int AS n FROM accounts');
    const refused = await signup(sibling);
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/^Too many signups from this address; try again in \d+ s$/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await hub.sql('SELECT count(*)::int AS n FROM accounts')).toEqual(accounts);
    // Login is throttled on its own counters.
    expect((await login(hub, fresh('after-signups'), address)).status).toBe(401);
  });

  it('keeps a login from queueing behind a burst of signups (password hashing runs in lanes)', async () => {
    const [admin] = await hub.sql<{ email: string }>('SELECT email FROM users ORDER BY created_at LIMIT 1');
    const order: string[] = [];
    const signups = Array.from({ length: 12 }, (_, i) =>
      hub
        .request('POST', '/api/auth/signup', { body: { email: fresh('burst'), password: PASSWORD, account_name: 'Burst' }, headers: from(`100.100.0.${i + 1}`) })
        .then((res) => order.push(`signup ${res.status}`)),
    );
    // Once the first signup is answered, the other eleven are waiting to be hashed.
    await Promise.race(signups);
    const answered = await hub.request('POST', '/api/auth/login', { body: { email: admin.email, password: 'admin-password-123' }, headers: from('100.100.1.1') });
    order.push(`login ${answered.status}`);
    await Promise.all(signups);
    expect(order.filter((entry) => entry === 'signup 201')).toHaveLength(12);
    // Unbounded, the login's hash check waits behind every signup hashed before it (the threadpool runs them in order).
    expect(order.indexOf('login 200')).toBeLessThan(6);
  });
});

describe('login throttling while Redis is unreachable', () => {
  let hub: Hub;
  let gate: TcpGate;
  beforeAll(async () => {
    const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    gate = new TcpGate(redis.hostname, Number(redis.port || 6379));
    hub = await startHub({ env: { REDIS_URL: `redis://127.0.0.1:${await gate.start()}` } });
  });
  afterAll(async () => {
    gate.restore();
    await hub.close();
    await gate.stop();
  });

  it('still answers logins (never 500) and still refuses the 11th attempt, counting in memory', async () => {
    const [admin] = await hub.sql<{ email: string }>('SELECT email FROM users ORDER BY created_at LIMIT 1');
    gate.cut();
    const ok = await hub.request('POST', '/api/auth/login', { body: { email: admin.email, password: 'admin-password-123' } });
    expect(ok.status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await login(hub, fresh('away'))).status);
    expect(statuses).toEqual([...Array(9).fill(401), 429]);
  });
});
