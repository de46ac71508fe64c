import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { WorkSweeper as DeliverySweeper } from '../libs/operations/src';
import { Account, Hub, startHub } from './harness';
import { seedEndpoint } from './support/endpoint-fixture';
import { eventually, Receiver } from './support/receiver';

describe('outbound delivery pipeline (SPEC §3)', () => {
  let hub: Hub;
  let a: Account;
  const receivers: Receiver[] = [];
  const receiver = async () => {
    const r = await new Receiver().start();
    receivers.push(r);
    return r;
  };
  const publish = (body: unknown, token = a.token) => hub.request('POST', '/api/events', { token, body });

  beforeAll(async () => {
    hub = await startHub({ env: { WEBHOOK_RETRY_SCHEDULE: '0,1,1', WEBHOOK_SWEEP_INTERVAL_MS: '500' } });
    a = await hub.signup();
  });
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.stop()));
    await hub.close();
  });

  it('delivers a published event signed so the standardwebhooks library verifies it', async () => {
    const r = await receiver();
    const { id: endpointId, secret } = await seedEndpoint(hub, a.accountId, { url: r.url(), bearer_token: 'tok-123', headers: { 'x-env': 'test' } });
    const published = await publish({ type: 'custom.order_paid', data: { order_id: 'A-1' } });
    expect(published.status).toBe(202);
    // The event and its delivery rows were committed before the 202.
    expect(await hub.sql('SELECT endpoint_id FROM deliveries WHERE event_id = $1', [published.body.id])).toEqual([{ endpoint_id: endpointId }]);
    await r.waitFor(1);

    const [got] = r.received;
    const payload = new Webhook(secret).verify(got.body, got.headers) as Record<string, unknown>;
    expect(payload).toEqual({
      id: published.body.id,
      type: 'custom.order_paid',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      account_id: a.accountId,
      channel: null,
      channel_id: null,
      data: { order_id: 'A-1' },
    });
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    expect(got.headers['x-webhook-signature']).toBe(createHmac('sha256', key).update(got.body).digest('hex'));
    expect(got.headers['webhook-id']).toBe(published.body.id);
    expect(got.headers.authorization).toBe('Bearer tok-123');
    expect(got.headers['x-env']).toBe('test');
    expect(got.headers['user-agent']).toMatch(/^WebhookHub\/\d+\.\d+\.\d+$/);
    expect(got.headers['webhook-format']).toBe('standard');
    expect(got.headers['content-type']).toBe('application/json');

    const delivery = await eventually(async () => (await hub.sql("SELECT * FROM deliveries WHERE event_id = $1 AND status = 'succeeded'", [published.body.id]))[0]);
    expect(delivery).toMatchObject({ endpoint_id: endpointId, url: r.url(), attempt_count: 1, last_status_code: 200 });
    const attempts = await hub.sql('SELECT * FROM delivery_attempts WHERE delivery_id = $1', [delivery.id]);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ n: 1, status_code: 200, response_body: 'ok', error: null });
    expect(attempts[0].request_headers.authorization).toBe('[redacted]');
    expect(JSON.stringify(attempts[0])).not.toContain('tok-123');
    const [event] = await hub.sql('SELECT dispatched_at FROM events WHERE id = $1', [published.body.id]);
    expect(event.dispatched_at).not.toBeNull();
  });

  it('delivers to the union of general and channel endpoints, per-event URL first', async () => {
    const b = await hub.signup();
    const [general, channelA, channelB, perEvent] = await Promise.all([receiver(), receiver(), receiver(), receiver()]);
    const [chA] = await hub.sql("INSERT INTO channels (account_id, type, name) VALUES ($1, 'email', 'A') RETURNING id", [b.accountId]);
    const [chB] = await hub.sql("INSERT INTO channels (account_id, type, name) VALUES ($1, 'email', 'B') RETURNING id", [b.accountId]);
    await seedEndpoint(hub, b.accountId, { url: general.url(), event_urls: { 'custom.bounce': perEvent.url('/bounces') } });
    await seedEndpoint(hub, b.accountId, { url: channelA.url(), channel_id: chA.id, event_types: ['custom.ping'] });
    await seedEndpoint(hub, b.accountId, { url: channelB.url(), channel_id: chB.id });

    const ping = await publish({ type: 'custom.ping', channel_id: chA.id, data: {} }, b.token);
    const bounce = await publish({ type: 'custom.bounce', channel_id: chB.id, data: {} }, b.token);
    await Promise.all([general.waitFor(1), channelA.waitFor(1), channelB.waitFor(1), perEvent.waitFor(1)]);
    await eventually(async () => (await hub.sql("SELECT count(*)::int AS n FROM deliveries WHERE account_id = $1 AND status = 'succeeded'", [b.accountId]))[0].n === 4);

    expect(general.received.map((x) => x.headers['webhook-id'])).toEqual([ping.body.id]);
    expect(channelA.received.map((x) => x.headers['webhook-id'])).toEqual([ping.body.id]);
    expect(channelB.received.map((x) => x.headers['webhook-id'])).toEqual([bounce.body.id]);
    expect(perEvent.received.map((x) => [x.path, x.headers['webhook-id']])).toEqual([['/bounces', bounce.body.id]]);
  });

  it('retries a failing receiver on the schedule with the same webhook-id: fail, fail, succeed = 3 attempts', async () => {
    const r = await receiver();
    r.respond = (_req, n) => (n <= 2 ? { status: 500, body: `boom ${n}` } : { status: 204 });
    const c = await hub.signup();
    await seedEndpoint(hub, c.accountId, { url: r.url() });
    const published = await publish({ type: 'custom.flaky', data: {} }, c.token);
    await r.waitFor(3);
    const delivery = await eventually(async () => (await hub.sql("SELECT * FROM deliveries WHERE event_id = $1 AND status = 'succeeded'", [published.body.id]))[0]);
    expect(delivery.attempt_count).toBe(3);
    const attempts = await hub.sql('SELECT n, status_code, response_body FROM delivery_attempts WHERE delivery_id = $1 ORDER BY n', [delivery.id]);
    expect(attempts).toEqual([
      { n: 1, status_code: 500, response_body: 'boom 1' },
      { n: 2, status_code: 500, response_body: 'boom 2' },
      { n: 3, status_code: 204, response_body: '' },
    ]);
    expect(new Set(r.received.map((x) => x.headers['webhook-id']))).toEqual(new Set([published.body.id]));
    // Each retry is signed anew for its own attempt time.
    expect(r.received[2].at - r.received[1].at).toBeGreaterThanOrEqual(900);
  });

  it('marks a delivery failed after the last attempt and tells subscribers with delivery.exhausted', async () => {
    const d = await hub.signup();
    const dead = await receiver();
    dead.respond = () => ({ status: 302, headers: { location: 'http://example.com/' } });
    const ops = await receiver();
    const deadEndpoint = await seedEndpoint(hub, d.accountId, { url: dead.url(), event_types: ['custom.job'] });
    await seedEndpoint(hub, d.accountId, { url: ops.url(), event_types: ['delivery.exhausted'] });
    const published = await publish({ type: 'custom.job', data: {} }, d.token);
    await dead.waitFor(3);
    await ops.waitFor(1);
    const alert = JSON.parse(ops.received[0].body);
    expect(alert.type).toBe('delivery.exhausted');
    expect(alert.data).toMatchObject({ endpoint_id: deadEndpoint.id, event_id: published.body.id, attempts: 3, last_status_code: 302, last_error: 'Redirect (302) not followed' });
    const [delivery] = await hub.sql('SELECT status, attempt_count FROM deliveries WHERE event_id = $1', [published.body.id]);
    expect(delivery).toEqual({ status: 'failed', attempt_count: 3 });
    expect(dead.received).toHaveLength(3);
  });

  it('disables an endpoint that answers 410 Gone, and reports it to others but not to itself', async () => {
    const e = await hub.signup();
    const gone = await receiver();
    gone.respond = () => ({ status: 410 });
    const ops = await receiver();
    const goneEndpoint = await seedEndpoint(hub, e.accountId, { url: gone.url() });
    await seedEndpoint(hub, e.accountId, { url: ops.url(), event_types: ['endpoint.disabled'] });
    await publish({ type: 'custom.one', data: {} }, e.token);
    await ops.waitFor(1);
    const [endpoint] = await hub.sql('SELECT enabled, disabled_reason FROM endpoints WHERE id = $1', [goneEndpoint.id]);
    expect(endpoint).toEqual({ enabled: false, disabled_reason: 'gone' });
    expect(JSON.parse(ops.received[0].body)).toMatchObject({ type: 'endpoint.disabled', data: { endpoint_id: goneEndpoint.id, reason: 'gone', url: gone.url() } });
    await publish({ type: 'custom.two', data: {} }, e.token);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(gone.received).toHaveLength(1);
  });

  it('retries refused connections like any failure, and ends a disabled endpoint\'s deliveries cleanly', async () => {
    const h = await hub.signup();
    const closed = await receiver();
    const url = closed.url();
    await closed.stop();
    await seedEndpoint(hub, h.accountId, { url });
    const published = await publish({ type: 'custom.refused', data: {} }, h.token);
    const delivery = await eventually(async () => (await hub.sql("SELECT * FROM deliveries WHERE event_id = $1 AND status = 'failed'", [published.body.id]))[0]);
    expect(delivery.attempt_count).toBe(3);
    const errors = await hub.sql('SELECT error FROM delivery_attempts WHERE delivery_id = $1 ORDER BY n', [delivery.id]);
    expect(errors).toEqual([{ error: 'Connection refused' }, { error: 'Connection refused' }, { error: 'Connection refused' }]);

    // A delivery still pending when its endpoint is disabled ends as failed, without a request.
    const slow = await receiver();
    const paused = await seedEndpoint(hub, h.accountId, { url: slow.url(), event_types: ['custom.later'] });
    await hub.sql("UPDATE endpoints SET enabled = false, disabled_reason = 'manual' WHERE id = $1", [paused.id]);
    const [pending] = await hub.sql(
      "INSERT INTO deliveries (account_id, event_id, event_type, endpoint_id, url, next_attempt_at) VALUES ($1, 'evt_01JPAUSED00000000000000000', 'custom.later', $2, $3, now()) RETURNING id",
      [h.accountId, paused.id, slow.url()],
    );
    const { DeliveryRunner } = await import('../libs/subscriptions/src/delivery/delivery-runner');
    await hub.app.get(DeliveryRunner).run(pending.id);
    const [ended] = await hub.sql('SELECT status, last_error, attempt_count FROM deliveries WHERE id = $1', [pending.id]);
    expect(ended).toEqual({ status: 'failed', last_error: 'Endpoint disabled (manual)', attempt_count: 0 });
    expect(slow.received).toHaveLength(0);
  });

  it('disables an endpoint that has failed every attempt for five days', async () => {
    const k = await hub.signup();
    const r = await receiver();
    r.respond = () => ({ status: 503 });
    const sick = await seedEndpoint(hub, k.accountId, { url: r.url(), event_types: ['custom.tick'] });
    const ops = await receiver();
    await seedEndpoint(hub, k.accountId, { url: ops.url(), event_types: ['endpoint.disabled'] });
    await hub.sql("UPDATE endpoints SET failing_since = now() - interval '5 days 1 minute' WHERE id = $1", [sick.id]);
    await publish({ type: 'custom.tick', data: {} }, k.token);
    await ops.waitFor(1);
    expect(JSON.parse(ops.received[0].body).data).toMatchObject({ endpoint_id: sick.id, reason: 'failing' });
    const [endpoint] = await hub.sql('SELECT enabled, disabled_reason FROM endpoints WHERE id = $1', [sick.id]);
    expect(endpoint).toEqual({ enabled: false, disabled_reason: 'failing' });
  });

  it('never sends one attempt twice when the same job runs several times at once', async () => {
    const f = await hub.signup();
    const r = await receiver();
    r.respond = () => ({ status: 200, delayMs: 300 });
    await seedEndpoint(hub, f.accountId, { url: r.url() });
    const [event] = await hub.sql(
      "INSERT INTO events (id, account_id, type, data, dispatched_at) VALUES ('evt_01JDUPLICATE0000000000000A', $1, 'custom.dup', '{}', now()) RETURNING id",
      [f.accountId],
    );
    const [endpoint] = await hub.sql('SELECT id, url FROM endpoints WHERE account_id = $1', [f.accountId]);
    const [delivery] = await hub.sql(
      'INSERT INTO deliveries (account_id, event_id, event_type, endpoint_id, url, next_attempt_at) VALUES ($1, $2, $3, $4, $5, now()) RETURNING id',
      [f.accountId, event.id, 'custom.dup', endpoint.id, endpoint.url],
    );
    const { DeliveryRunner } = await import('../libs/subscriptions/src/delivery/delivery-runner');
    const runner = hub.app.get(DeliveryRunner);
    await Promise.all(Array.from({ length: 5 }, () => runner.run(delivery.id)));
    await eventually(async () => (await hub.sql("SELECT 1 FROM deliveries WHERE id = $1 AND status = 'succeeded'", [delivery.id]))[0]);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(r.received).toHaveLength(1);
    expect(await hub.sql('SELECT n FROM delivery_attempts WHERE delivery_id = $1', [delivery.id])).toEqual([{ n: 1 }]);
  });

  it('stores each concurrent attempt against its own delivery (claims and records are batched), NUL bytes of an answer dropped', async () => {
    const h = await hub.signup();
    const r = await receiver();
    r.respond = (req) => ({ status: 200, body: `got\u0000${req.headers['webhook-id']}` });
    await seedEndpoint(hub, h.accountId, { url: r.url() });
    const ids = await Promise.all(Array.from({ length: 30 }, async (_, i) => (await publish({ type: 'custom.batch', data: { i } }, h.token)).body.id as string));
    await eventually(async () => (await hub.sql("SELECT count(*)::int AS n FROM deliveries WHERE account_id = $1 AND status = 'succeeded'", [h.accountId]))[0].n === 30);
    const attempts = await hub.sql<{ event_id: string; n: number; response_body: string; status_code: number }>(
      'SELECT d.event_id, a.n, a.response_body, a.status_code FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id WHERE d.account_id = $1 ORDER BY d.event_id',
      [h.accountId],
    );
    expect(attempts).toEqual([...ids].sort().map((id) => ({ event_id: id, n: 1, response_body: `got${id}`, status_code: 200 })));
    expect(r.received).toHaveLength(30);
  });

  it('fans out an event whose job never reached Redis: the sweeper finds it in PostgreSQL', async () => {
    const g = await hub.signup();
    const r = await receiver();
    await seedEndpoint(hub, g.accountId, { url: r.url() });
    // Stored as a commit whose enqueue was lost (Redis down at that moment).
    await hub.sql("INSERT INTO events (id, account_id, type, data, created_at) VALUES ('evt_01JSWEPT000000000000000000', $1, 'custom.lost', '{}', now() - interval '10 seconds')", [g.accountId]);
    const sweeper = hub.app.get(DeliverySweeper);
    await eventually(async () => (await sweeper.sweep()).events >= 0 && r.received.length === 1, 15000, 300);
    expect(r.received[0].headers['webhook-id']).toBe('evt_01JSWEPT000000000000000000');
  });
});
