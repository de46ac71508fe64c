import Queue from 'bull';
import { DELIVERY_QUEUE } from '../libs/subscriptions/src/queues/webhook-delivery/webhook-delivery.queue';
import { DeliveryProducer } from '../libs/subscriptions/src/queues/webhook-delivery/webhook-delivery.producer';
import { DeliveryAttemptRetention as DeliveryAttemptRetentionProcessor } from '../libs/subscriptions/src/retention/delivery-attempt-retention';
import { Account, Hub, startHub } from './harness';
import { seedEndpoint } from './support/endpoint-fixture';
import { Receiver } from './support/receiver';

interface DeliverySeed {
  accountId: string;
  endpointId: string;
  eventId: string;
  eventType?: string;
  url: string;
  status?: 'pending' | 'succeeded' | 'failed';
  createdAt: string;
  attemptCount?: number;
  /** Far in the future by default, so the hub's own sweeper leaves seeded pending rows alone. */
  nextAttemptAt?: string;
  lockedUntil?: string | null;
}

describe('delivery logs, retry, recover and attempt retention (SPEC §3 Logs)', () => {
  let hub: Hub;
  let a: Account;
  let b: Account;
  let receiver: Receiver;
  let queue: Queue.Queue;
  let epA: string;
  let epA2: string;
  let epB: string;
  const ids: Record<string, string> = {};

  const seedDelivery = async (s: DeliverySeed): Promise<string> => {
    const done = s.status && s.status !== 'pending';
    const [row] = await hub.sql<{ id: string }>(
      `INSERT INTO deliveries (account_id, endpoint_id, event_id, event_type, url, status, attempt_count, next_attempt_at, locked_until,
         last_status_code, last_error, completed_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [s.accountId, s.endpointId, s.eventId, s.eventType ?? 'contact.created', s.url, s.status ?? 'pending', s.attemptCount ?? 0,
        s.nextAttemptAt ?? new Date(Date.now() + 3600_000).toISOString(), s.lockedUntil ?? null,
        s.status === 'failed' ? 503 : done ? 200 : null, s.status === 'failed' ? 'HTTP 503' : null, done ? s.createdAt : null, s.createdAt],
    );
    return row.id;
  };
  const row = async (id: string) => (await hub.sql('SELECT * FROM deliveries WHERE id = $1', [id]))[0];
  const near = (at: string | Date) => Math.abs(new Date(at).getTime() - Date.now()) < 5000;
  /** Job first: once it is gone, the hub's worker has already recorded the attempt. */
  const queuedOrAttempted = async (id: string, attemptCount: number) => {
    const job = await queue.getJob(`${id}:${attemptCount}`);
    const after = await row(id);
    return job !== null || after.status !== 'pending' || after.attempt_count > attemptCount;
  };

  beforeAll(async () => {
    // A long retention, so the hub's own hourly purge cannot take the seeded attempts mid-suite.
    hub = await startHub({ env: { LOG_RETENTION_DAYS: '3650' } });
    [a, b] = [await hub.signup(), await hub.signup()];
    receiver = await new Receiver().start();
    queue = new Queue(DELIVERY_QUEUE, hub.config.redisUrl, { prefix: hub.config.redisQueuePrefix });
    epA = (await seedEndpoint(hub, a.accountId, { url: receiver.url('/a') })).id;
    epA2 = (await seedEndpoint(hub, a.accountId, { url: receiver.url('/a2') })).id;
    epB = (await seedEndpoint(hub, b.accountId, { url: receiver.url('/b') })).id;
    await hub.sql(
      `INSERT INTO events (id, account_id, type, channel, data, created_at, dispatched_at) VALUES
         ('evt_A1', $1, 'contact.created', 'email', '{"email":"ann@example.com"}', '2026-01-01T09:59:00Z', now()),
         ('evt_A2', $1, 'message.opened', 'email', '{"message_id":"m1"}', '2026-01-01T09:59:00Z', now()),
         ('evt_B1', $2, 'contact.created', NULL, '{}', '2026-01-01T09:59:00Z', now())`,
      [a.accountId, b.accountId],
    );
    const base = { accountId: a.accountId, endpointId: epA, eventId: 'evt_A1' };
    ids.old = await seedDelivery({ ...base, url: receiver.url('/a?1'), status: 'succeeded', attemptCount: 1, createdAt: '2026-01-01T10:00:00Z' });
    ids.failed = await seedDelivery({ ...base, url: receiver.url('/a?2'), status: 'failed', attemptCount: 2, createdAt: '2026-01-01T10:01:00Z' });
    ids.pending = await seedDelivery({ ...base, url: receiver.url('/a?3'), createdAt: '2026-01-01T10:02:00Z', attemptCount: 1 });
    ids.opened = await seedDelivery({ ...base, eventId: 'evt_A2', eventType: 'message.opened', url: receiver.url('/a?4'), status: 'failed', attemptCount: 3, createdAt: '2026-01-01T10:03:00Z' });
    ids.other = await seedDelivery({ ...base, endpointId: epA2, url: receiver.url('/a2'), status: 'failed', attemptCount: 1, createdAt: '2026-01-01T10:04:00Z' });
    ids.leased = await seedDelivery({ ...base, url: receiver.url('/a?6'), attemptCount: 1, createdAt: '2026-01-01T10:05:00Z', lockedUntil: new Date(Date.now() + 600_000).toISOString() });
    ids.b = await seedDelivery({ accountId: b.accountId, endpointId: epB, eventId: 'evt_B1', url: receiver.url('/b'), status: 'failed', createdAt: '2026-01-01T10:06:00Z' });
    await hub.sql(
      `INSERT INTO delivery_attempts (delivery_id, account_id, n, status_code, duration_ms, response_body, error, request_headers, created_at) VALUES
         ($1, $2, 2, 503, 40, 'busy', NULL, '{"webhook-id":"evt_A1"}', '2026-01-01T10:01:30Z'),
         ($1, $2, 1, NULL, 10000, NULL, 'Timed out after 10000 ms', '{"webhook-id":"evt_A1"}', '2026-01-01T10:01:00Z')`,
      [ids.failed, a.accountId],
    );
  });
  afterAll(async () => {
    await queue?.close();
    await receiver?.stop();
    await hub?.close();
  });

  const list = (query: string, token = a.token) => hub.request('GET', `/api/deliveries${query}`, { token });

  it('lists the account’s deliveries newest first, next_attempt_at only while pending', async () => {
    const res = await list('');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([ids.leased, ids.other, ids.opened, ids.pending, ids.failed, ids.old]);
    expect(res.body.next_cursor).toBeNull();
    const failed = res.body.items.find((i: { id: string }) => i.id === ids.failed);
    expect(failed).toEqual({
      id: ids.failed, event_id: 'evt_A1', event_type: 'contact.created', endpoint_id: epA, url: receiver.url('/a?2'), status: 'failed',
      attempt_count: 2, max_attempts: 8, next_attempt_at: null, last_status_code: 503, last_error: 'HTTP 503',
      created_at: '2026-01-01T10:01:00.000Z', completed_at: '2026-01-01T10:01:00.000Z',
    });
    expect(res.body.items.find((i: { id: string }) => i.id === ids.pending).next_attempt_at).toEqual(expect.any(String));
    expect((await list('', b.token)).body.items.map((i: { id: string }) => i.id)).toEqual([ids.b]);
  });

  it('filters by endpoint, event type, status and time, and pages with the cursor', async () => {
    const idsOf = async (q: string) => (await list(q)).body.items.map((i: { id: string }) => i.id);
    expect(await idsOf(`?endpoint_id=${epA2}`)).toEqual([ids.other]);
    expect(await idsOf(`?endpoint_id=${epB}`)).toEqual([]);
    expect(await idsOf('?event_type=message.opened')).toEqual([ids.opened]);
    expect(await idsOf('?status=failed')).toEqual([ids.other, ids.opened, ids.failed]);
    expect(await idsOf('?status=failed&endpoint_id=' + epA)).toEqual([ids.opened, ids.failed]);
    // Retrying: pending after a failed attempt; both seeded pending rows have one attempt behind them.
    await hub.sql('UPDATE deliveries SET attempt_count = 0 WHERE id = $1', [ids.leased]);
    expect(await idsOf('?status=retrying')).toEqual([ids.pending]);
    expect(await idsOf('?status=pending')).toEqual([ids.leased, ids.pending]);
    await hub.sql('UPDATE deliveries SET attempt_count = 1 WHERE id = $1', [ids.leased]);
    expect(await idsOf('?since=2026-01-01T10:01:00Z&until=2026-01-01T10:03:00Z')).toEqual([ids.pending, ids.failed]);

    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await list(`?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.next_cursor;
    }
    expect(seen).toEqual([ids.leased, ids.other, ids.opened, ids.pending, ids.failed, ids.old]);
  });

  it('answers 400 naming the bad filter', async () => {
    for (const [query, field] of [
      ['?status=bogus', 'status'],
      ['?endpoint_id=not-a-uuid', 'endpoint_id'],
      ['?since=yesterday', 'since'],
      ['?until=2026-02-30T00:00:00Z', 'until'],
      ['?limit=0', 'limit'],
      ['?cursor=nonsense', 'cursor'],
      ['?colour=blue', 'colour'],
    ]) {
      const res = await list(query);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
  });

  it('shows one delivery with its event and attempts ordered by n, to its account only', async () => {
    const res = await hub.request('GET', `/api/deliveries/${ids.failed}`, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: ids.failed, status: 'failed', attempt_count: 2 });
    expect(res.body.event).toEqual({
      id: 'evt_A1', type: 'contact.created', timestamp: '2026-01-01T09:59:00.000Z', channel: 'email', channel_id: null, data: { email: 'ann@example.com' },
    });
    expect(res.body.attempts).toEqual([
      { n: 1, at: '2026-01-01T10:01:00.000Z', status_code: null, duration_ms: 10000, response_body: null, error: 'Timed out after 10000 ms', request_headers: { 'webhook-id': 'evt_A1' } },
      { n: 2, at: '2026-01-01T10:01:30.000Z', status_code: 503, duration_ms: 40, response_body: 'busy', error: null, request_headers: { 'webhook-id': 'evt_A1' } },
    ]);
    const none = await hub.request('GET', `/api/deliveries/${ids.old}`, { token: a.token });
    expect(none.body.attempts).toEqual([]);

    expect((await hub.request('GET', `/api/deliveries/${ids.failed}`, { token: b.token })).status).toBe(404);
    expect((await hub.request('GET', '/api/deliveries/not-a-uuid', { token: a.token })).status).toBe(404);
    expect((await hub.request('GET', `/api/deliveries/${ids.failed}`)).status).toBe(401);
  });

  it('retries a delivery now, and refuses while an attempt is in flight', async () => {
    const res = await hub.request('POST', `/api/deliveries/${ids.opened}/retry`, { token: a.token });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ id: ids.opened, status: 'pending', attempt_count: 3, completed_at: null });
    expect(near(res.body.next_attempt_at)).toBe(true);
    expect(await queuedOrAttempted(ids.opened, 3)).toBe(true);

    const leased = await hub.request('POST', `/api/deliveries/${ids.leased}/retry`, { token: a.token });
    expect(leased.status).toBe(409);
    expect(leased.body).toMatchObject({ statusCode: 409, message: 'an attempt is in flight' });
    expect(await row(ids.leased)).toMatchObject({ status: 'pending', attempt_count: 1 });

    expect((await hub.request('POST', `/api/deliveries/${ids.b}/retry`, { token: a.token })).status).toBe(404);
    expect((await row(ids.b)).status).toBe('failed');
  });

  it('brings forward a pending delivery whose next attempt waits as a delayed job', async () => {
    await hub.app.get(DeliveryProducer).deliver([{ id: ids.pending, attempt_count: 1, delayMs: 3600_000 }]);
    expect(await (await queue.getJob(`${ids.pending}:1`))?.isDelayed()).toBe(true);
    const res = await hub.request('POST', `/api/deliveries/${ids.pending}/retry`, { token: a.token });
    expect(res.status).toBe(202);
    expect(near(res.body.next_attempt_at)).toBe(true);
    const job = await queue.getJob(`${ids.pending}:1`);
    const after = await row(ids.pending);
    expect(job ? !(await job.isDelayed()) : after.status !== 'pending' || after.attempt_count > 1).toBe(true);
  });

  it('recovers the failed deliveries of an endpoint since a time', async () => {
    const bad = async (body: unknown) => hub.request('POST', `/api/endpoints/${epA2}/recover`, { token: a.token, body });
    for (const body of [{}, { since: 'last week' }, { since: new Date(Date.now() + 3600_000).toISOString() }]) {
      const res = await bad(body);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['since']);
    }
    expect((await hub.request('POST', `/api/endpoints/${epB}/recover`, { token: a.token, body: { since: '2026-01-01T00:00:00Z' } })).status).toBe(404);
    expect((await hub.request('POST', '/api/endpoints/nope/recover', { token: a.token, body: { since: '2026-01-01T00:00:00Z' } })).status).toBe(404);
    expect((await row(ids.b)).status).toBe('failed');

    const extra = await seedDelivery({ accountId: a.accountId, endpointId: epA2, eventId: 'evt_A2', url: receiver.url('/a2?old'), status: 'failed', attemptCount: 4, createdAt: '2025-12-31T00:00:00Z' });
    const summary = { endpoint_enabled: true, destinations: [{ url: receiver.url('/a2'), count: 1 }] };
    const counted = await hub.request('POST', `/api/endpoints/${epA2}/recover?dry_run=true`, { token: a.token, body: { since: '2026-01-01T00:00:00Z' } });
    expect(counted.status).toBe(202);
    expect(counted.body).toEqual({ recovered: 1, dry_run: true, ...summary });
    expect(await row(ids.other)).toMatchObject({ status: 'failed', attempt_count: 1 });
    expect((await hub.request('POST', `/api/endpoints/${epA2}/recover?dry_run=maybe`, { token: a.token, body: { since: '2026-01-01T00:00:00Z' } })).body.details)
      .toEqual([expect.objectContaining({ field: 'dry_run' })]);

    const res = await hub.request('POST', `/api/endpoints/${epA2}/recover`, { token: a.token, body: { since: '2026-01-01T00:00:00Z' } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ recovered: 1, dry_run: false, ...summary });
    const recovered = await row(ids.other);
    expect(recovered.completed_at).toBeNull();
    if (recovered.status === 'pending' && recovered.attempt_count === 1) expect(near(recovered.next_attempt_at)).toBe(true);
    expect(await queuedOrAttempted(ids.other, 1)).toBe(true);
    expect(await row(extra)).toMatchObject({ status: 'failed', attempt_count: 4 });

    const again = await hub.request('POST', `/api/endpoints/${epA2}/recover`, { token: a.token, body: { since: '2025-01-01T00:00:00Z' } });
    expect(again.body.recovered).toBeGreaterThanOrEqual(1);
    expect(await queuedOrAttempted(extra, 4)).toBe(true);
  });

  it('purges attempts older than the retention period, keeping the deliveries', async () => {
    await hub.sql(
      `INSERT INTO delivery_attempts (delivery_id, account_id, n, status_code, duration_ms, request_headers, created_at)
       VALUES ($1, $2, 1, 200, 5, '{}', now() - interval '40 days'), ($1, $2, 2, 200, 5, '{}', now() - interval '1 day')`,
      [ids.old, a.accountId],
    );
    const purged = await hub.app.get(DeliveryAttemptRetentionProcessor).purgeOlderThan(30);
    expect(purged).toBeGreaterThanOrEqual(3); // the old one and the two seeded in 2026-01
    const left = await hub.sql('SELECT n FROM delivery_attempts WHERE delivery_id = $1', [ids.old]);
    expect(left).toEqual([{ n: 2 }]);
    expect((await row(ids.old)).status).toBe('succeeded');
  });

  it('documents every route under the deliveries tag', async () => {
    const doc = (await hub.request('GET', '/api/docs-json')).body;
    for (const [path, method] of [['/api/deliveries', 'get'], ['/api/deliveries/{id}', 'get'], ['/api/deliveries/{id}/retry', 'post'], ['/api/endpoints/{id}/recover', 'post'], ['/api/endpoints/{id}/retry-failing', 'post']]) {
      expect([path, doc.paths[path]?.[method]?.tags]).toEqual([path, ['deliveries']]);
    }
  });
});
