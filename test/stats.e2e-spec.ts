import { DataSource } from 'typeorm';
import { DeliveryRollups } from '../libs/subscriptions/src/stats/delivery-rollups';
import { LATENCY_BOUNDS_MS } from '../libs/subscriptions/src/stats/latency-histogram';
import { Account, Hub, startHub } from './harness';
import { seedEndpoint } from './support/endpoint-fixture';

type Outcome = 'succeeded' | 'failed' | 'retrying';

/** One attempt as the test made it: its outcome is decided here, by how its delivery is built, not read back from the hub. */
interface SeededAttempt {
  endpointId: string;
  at: Date;
  outcome: Outcome;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const INTERVAL_MS = { '1h': 5 * MINUTE, '24h': HOUR, '7d': 6 * HOUR } as const;
type Range = keyof typeof INTERVAL_MS;

/** A small deterministic PRNG, so a failure replays with the same data. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe('stats API (issue 21): figures equal to counts made by the test', () => {
  let hub: Hub;
  let a: Account;
  let b: Account;
  let epA1: string;
  let epA2: string;
  let epB: string;
  let rollups: DeliveryRollups;
  const attempts: SeededAttempt[] = [];

  /**
   * Stores one delivery and its attempts: every attempt but the last failed
   * (retrying); the last succeeded, failed for good (the delivery is failed)
   * or failed with another scheduled (the delivery is pending).
   */
  const seedDelivery = async (accountId: string, endpointId: string, times: Date[], last: Outcome, durations: number[]) => {
    const status = last === 'succeeded' ? 'succeeded' : last === 'failed' ? 'failed' : 'pending';
    const [delivery] = await hub.sql<{ id: string }>(
      `INSERT INTO deliveries (account_id, endpoint_id, event_id, event_type, url, status, attempt_count, next_attempt_at, created_at)
       VALUES ($1, $2, $3, 'contact.created', 'https://example.com/hook', $4, $5, $6, $7) RETURNING id`,
      [accountId, endpointId, `evt_${Math.random().toString(36).slice(2)}`, status, times.length, new Date(Date.now() + 24 * HOUR), times[0]],
    );
    for (const [i, at] of times.entries()) {
      const outcome: Outcome = i < times.length - 1 ? 'retrying' : last;
      const timedOut = outcome !== 'succeeded' && i % 2 === 1;
      const statusCode = outcome === 'succeeded' ? 200 : timedOut ? null : 503;
      const error = timedOut ? 'Timed out after 10000 ms' : null;
      await hub.sql(
        `INSERT INTO delivery_attempts (delivery_id, account_id, n, status_code, duration_ms, error, request_headers, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, '{}', $7)`,
        [delivery.id, accountId, i + 1, statusCode, durations[i], error, at],
      );
      if (accountId === a.accountId) attempts.push({ endpointId, at, outcome, durationMs: durations[i], statusCode, error });
    }
  };

  /** Seeds `count` deliveries of 1–3 attempts at random times in [now - fromMs, now - toMs]. */
  const seedMany = async (random: () => number, accountId: string, endpointIds: string[], count: number, fromMs: number, toMs: number) => {
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      const tries = 1 + Math.floor(random() * 3);
      const first = now - fromMs + random() * (fromMs - toMs - 20 * MINUTE);
      const times = Array.from({ length: tries }, (_, n) => new Date(first + n * (1 + random() * 9) * MINUTE * 0.5));
      const last: Outcome = (['succeeded', 'succeeded', 'failed', 'retrying'] as const)[Math.floor(random() * 4)];
      const durations = times.map(() => Math.floor(5 + random() * (random() < 0.1 ? 4000 : 400)));
      await seedDelivery(accountId, endpointIds[i % endpointIds.length], times, last, durations);
    }
  };

  /** The test's own count: attempts of the account (optionally one endpoint) per bar of the answer's window. */
  const expectedBars = (range: Range, since: string, until: string, endpointId?: string) => {
    const step = INTERVAL_MS[range];
    const bars: { start: string; succeeded: number; failed: number; retrying: number }[] = [];
    for (let at = Date.parse(since); at < Date.parse(until); at += step) bars.push({ start: new Date(at).toISOString(), succeeded: 0, failed: 0, retrying: 0 });
    for (const attempt of attempts) {
      if (endpointId && attempt.endpointId !== endpointId) continue;
      const bar = bars.find((candidate) => Date.parse(candidate.start) <= attempt.at.getTime() && attempt.at.getTime() < Date.parse(candidate.start) + step);
      if (bar) bar[attempt.outcome]++;
    }
    return bars;
  };

  const bars = (body: { buckets: { start: string; succeeded: number; failed: number; retrying: number }[] }) =>
    body.buckets.map(({ start, succeeded, failed, retrying }) => ({ start, succeeded, failed, retrying }));

  const expectEveryBarCounted = async (label: string) => {
    for (const range of ['1h', '24h', '7d'] as Range[]) {
      for (const endpointId of [undefined, epA1, epA2]) {
        const res = await hub.request('GET', `/api/stats/deliveries?range=${range}${endpointId ? `&endpoint_id=${endpointId}` : ''}`, { token: a.token });
        expect([label, range, res.status]).toEqual([label, range, 200]);
        expect(res.body.buckets).toHaveLength({ '1h': 12, '24h': 24, '7d': 28 }[range]);
        expect(bars(res.body)).toEqual(expectedBars(range, res.body.since, res.body.until, endpointId));
        const nonZero = bars(res.body).filter((bar) => bar.succeeded + bar.failed + bar.retrying > 0).length;
        expect(nonZero).toBeGreaterThan(range === '1h' ? 2 : 5); // the seed lands in many bars, so a bar-by-bar mistake shows
      }
    }
  };

  beforeAll(async () => {
    // No worker: nothing delivers the seeded pending rows, and the rollup runs only when the test says.
    hub = await startHub({ roles: { api: true, worker: false }, env: { LOG_RETENTION_DAYS: '3650' } });
    [a, b] = [await hub.signup(), await hub.signup()];
    epA1 = (await seedEndpoint(hub, a.accountId, { url: 'https://a1.example.com/hook' })).id;
    epA2 = (await seedEndpoint(hub, a.accountId, { url: 'https://a2.example.com/hook' })).id;
    epB = (await seedEndpoint(hub, b.accountId, { url: 'https://b.example.com/hook' })).id;
    rollups = new DeliveryRollups(hub.app.get(DataSource));
    const random = prng(21);
    await seedMany(random, a.accountId, [epA1, epA2], 40, 50 * MINUTE, 0); // the last hour
    await seedMany(random, a.accountId, [epA1, epA2], 60, 22 * HOUR, 0); // the last day
    await seedMany(random, a.accountId, [epA1, epA2], 40, 6 * 24 * HOUR, 0); // the week
    await seedMany(random, b.accountId, [epB], 30, 22 * HOUR, 0);
  }, 120_000);

  afterAll(async () => {
    await hub?.close();
  });

  it('counts every bar of every range, per account and per endpoint, read raw before any rollup', async () => {
    const [{ rolled_up_to }] = await hub.sql('SELECT rolled_up_to FROM delivery_rollup_progress WHERE id = 1');
    expect(rolled_up_to).toBeNull();
    await expectEveryBarCounted('raw');
  });

  it('counts the same from the rollup, and attempts made after it from the raw tail', async () => {
    const { rolledUpTo, rows } = await rollups.rollUp();
    expect(rows).toBeGreaterThan(50);
    expect(rolledUpTo!.getTime() % (5 * MINUTE)).toBe(0);
    expect(Date.now() - rolledUpTo!.getTime()).toBeLessThan(5 * MINUTE + 10_000);
    // The rollup holds every attempt before its mark: the sum of its rows equals the test's count.
    const before = attempts.filter((attempt) => attempt.at < rolledUpTo!).length;
    const [{ rolled }] = await hub.sql(`SELECT sum(succeeded + failed + retrying)::int AS rolled FROM delivery_rollups WHERE account_id = $1`, [a.accountId]);
    expect(rolled).toBe(before);
    await expectEveryBarCounted('rolled up');

    // An attempt made now is after the mark: counted from delivery_attempts until the next pass.
    await seedDelivery(a.accountId, epA1, [new Date()], 'succeeded', [42]);
    await expectEveryBarCounted('rolled up + tail');
    // A second pass recounts the last buckets (late commits) without counting anything twice.
    await rollups.rollUp();
    await expectEveryBarCounted('second pass');
  });

  it('gives each endpoint its success rate, series, p95 latency and last error over 24 hours, and why and since when it is disabled', async () => {
    const disabledAt = new Date(Date.now() - 2 * HOUR);
    await hub.sql(`UPDATE endpoints SET enabled = false, disabled_reason = 'failing', disabled_at = $2, failing_since = $3 WHERE id = $1`, [
      epA2,
      disabledAt,
      new Date(disabledAt.getTime() - 5 * 24 * HOUR),
    ]);
    const res = await hub.request('GET', '/api/stats/endpoints?range=24h', { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body.endpoints.map((e: { endpoint_id: string }) => e.endpoint_id).sort()).toEqual([epA1, epA2].sort());
    const rates = res.body.endpoints.map((e: { success_rate: number }) => e.success_rate);
    expect(rates).toEqual([...rates].sort((x, y) => x - y)); // lowest success rate first

    for (const endpointId of [epA1, epA2]) {
      const health = res.body.endpoints.find((e: { endpoint_id: string }) => e.endpoint_id === endpointId);
      const since = Date.parse(res.body.since);
      const mine = attempts.filter((attempt) => attempt.endpointId === endpointId && attempt.at.getTime() >= since);
      const count = (outcome: Outcome) => mine.filter((attempt) => attempt.outcome === outcome).length;
      expect(mine.length).toBeGreaterThan(20);
      expect({ succeeded: health.succeeded, failed: health.failed, retrying: health.retrying, attempts: health.attempts }).toEqual({
        succeeded: count('succeeded'),
        failed: count('failed'),
        retrying: count('retrying'),
        attempts: mine.length,
      });
      expect(health.success_rate).toBeCloseTo(count('succeeded') / mine.length, 10);
      expect(bars({ buckets: health.series })).toEqual(expectedBars('24h', res.body.since, res.body.until, endpointId));

      const durations = mine.map((attempt) => attempt.durationMs).sort((x, y) => x - y);
      const p95 = durations[Math.ceil(0.95 * durations.length) - 1];
      expect(health.p95_latency_ms).toBe(LATENCY_BOUNDS_MS.find((bound) => bound >= p95));

      const lastFailure = mine.filter((attempt) => attempt.outcome !== 'succeeded').sort((x, y) => y.at.getTime() - x.at.getTime())[0];
      expect(health.last_error).toEqual({
        message: lastFailure.error ?? `HTTP ${lastFailure.statusCode}`,
        status_code: lastFailure.statusCode,
        at: lastFailure.at.toISOString(),
      });
    }
    const disabled = (await hub.request('GET', `/api/stats/endpoints/${epA2}?range=24h`, { token: a.token })).body;
    expect([disabled.enabled, disabled.disabled_reason, disabled.disabled_at]).toEqual([false, 'failing', disabledAt.toISOString()]);
    expect((await hub.request('GET', '/api/stats/endpoints?range=24h&limit=1', { token: a.token })).body.endpoints).toHaveLength(1);
  });

  it('counts inbound requests per source and outcome', async () => {
    const seeded: [string, string, number][] = [
      ['automation', 'accepted', 5],
      ['automation', 'rejected', 2],
      ['meta', 'accepted', 3],
      ['sendgrid', 'duplicate', 1],
      ['whatsapp', 'error', 4],
    ];
    for (const [source, outcome, count] of seeded) {
      for (let i = 0; i < count; i++) {
        await hub.sql(
          `INSERT INTO inbound_logs (account_id, source, method, url, headers, status_code, outcome, created_at)
           VALUES ($1, $2, 'POST', '/api/x', '{}', 200, $3, now() - make_interval(mins => $4))`,
          [a.accountId, source, outcome, 10 + i * 30],
        );
      }
    }
    // Outside the 1-hour range but inside 24 hours: counted only in 24h.
    await hub.sql(`INSERT INTO inbound_logs (account_id, source, method, url, headers, status_code, outcome, created_at)
                   VALUES ($1, 'google', 'POST', '/api/x', '{}', 200, 'accepted', now() - interval '3 hours')`, [a.accountId]);

    const day = (await hub.request('GET', '/api/stats/inbound?range=24h', { token: a.token })).body;
    expect(day.sources.map((s: { source: string }) => s.source)).toEqual(['automation', 'meta', 'google', 'mailgun', 'ses', 'sendgrid', 'postmark', 'whatsapp']);
    const bySource = Object.fromEntries(day.sources.map((s: { source: string }) => [s.source, s]));
    expect(bySource.automation).toEqual({ source: 'automation', accepted: 5, duplicate: 0, rejected: 2, error: 0, total: 7 });
    expect(bySource.whatsapp).toEqual({ source: 'whatsapp', accepted: 0, duplicate: 0, rejected: 0, error: 4, total: 4 });
    expect([bySource.meta.accepted, bySource.sendgrid.duplicate, bySource.google.accepted, bySource.mailgun.total]).toEqual([3, 1, 1, 0]);

    // The 1-hour range starts 55–60 minutes ago: of requests 10, 40, 70, 100… minutes old it holds the first two.
    const hour = (await hub.request('GET', '/api/stats/inbound?range=1h', { token: a.token })).body;
    const hourBySource = Object.fromEntries(hour.sources.map((s: { source: string }) => [s.source, s]));
    expect([hourBySource.automation.accepted, hourBySource.automation.rejected, hourBySource.whatsapp.error, hourBySource.google.accepted]).toEqual([2, 2, 2, 0]);
  });

  it('reports queue depth and the age of the oldest due delivery', async () => {
    const [{ n: pendingBefore }] = await hub.sql(`SELECT count(*)::int AS n FROM deliveries WHERE account_id = $1 AND status = 'pending'`, [a.accountId]);
    for (const ageSeconds of [120, 30]) {
      await hub.sql(
        `INSERT INTO deliveries (account_id, endpoint_id, event_id, event_type, url, status, attempt_count, next_attempt_at)
         VALUES ($1, $2, $3, 'contact.created', 'https://a1.example.com/hook', 'pending', 0, now() - make_interval(secs => $4))`,
        [a.accountId, epA1, `evt_due_${ageSeconds}`, ageSeconds],
      );
    }
    const res = await hub.request('GET', '/api/stats/queues', { token: a.token });
    expect(res.status).toBe(200);
    const deliveries = res.body.queues.find((q: { name: string }) => q.name === 'deliveries');
    // Every other pending delivery the test stored waits a day for its next attempt.
    expect([deliveries.pending, deliveries.due, deliveries.capped]).toEqual([pendingBefore + 2, 2, false]);
    expect(deliveries.oldest_age_seconds).toBeGreaterThanOrEqual(120);
    expect(deliveries.oldest_age_seconds).toBeLessThan(150);
    const other = (await hub.request('GET', '/api/stats/queues', { token: b.token })).body.queues.find((q: { name: string }) => q.name === 'deliveries');
    expect([other.due, other.oldest_due_at]).toEqual([0, null]);
  });

  it('stops counting a backlog at 10,000 and says so', async () => {
    const c = await hub.signup();
    await hub.sql(
      `INSERT INTO deliveries (account_id, endpoint_id, event_id, event_type, url, status, attempt_count, next_attempt_at)
       SELECT $1, $2, 'evt_backlog_' || k, 'contact.created', 'https://a1.example.com/hook', 'pending', 1, now() + interval '1 day'
         FROM generate_series(1, 10005) AS k`,
      [c.accountId, epA1],
    );
    const res = await hub.request('GET', '/api/stats/queues', { token: c.token });
    expect(res.body.queues.find((q: { name: string }) => q.name === 'deliveries')).toMatchObject({ pending: 10000, due: 0, capped: true, oldest_due_at: null });
  });

  it('shows another account none of it', async () => {
    for (const range of ['1h', '24h', '7d']) {
      const res = await hub.request('GET', `/api/stats/deliveries?range=${range}`, { token: b.token });
      const ownOnly = res.body.buckets.reduce((sum: number, bar: { succeeded: number; failed: number; retrying: number }) => sum + bar.succeeded + bar.failed + bar.retrying, 0);
      const [{ n }] = await hub.sql(`SELECT count(*)::int AS n FROM delivery_attempts WHERE account_id = $1 AND created_at >= $2`, [b.accountId, res.body.since]);
      expect(ownOnly).toBe(n); // B's own attempts, none of A's
    }
    const endpoints = (await hub.request('GET', '/api/stats/endpoints', { token: b.token })).body.endpoints;
    expect(endpoints.map((e: { endpoint_id: string }) => e.endpoint_id)).toEqual([epB]);
    expect((await hub.request('GET', `/api/stats/endpoints/${epA1}`, { token: b.token })).status).toBe(404);
    expect((await hub.request('GET', `/api/stats/deliveries?endpoint_id=${epA1}`, { token: b.token })).status).toBe(404);
    const inbound = (await hub.request('GET', '/api/stats/inbound', { token: b.token })).body;
    expect(inbound.sources.every((s: { total: number }) => s.total === 0)).toBe(true);
    expect((await hub.request('GET', '/api/stats/deliveries')).status).toBe(401);
  });

  it.each([
    ['/api/stats/deliveries?range=2h', 'range'],
    ['/api/stats/deliveries?endpoint_id=not-a-uuid', 'endpoint_id'],
    ['/api/stats/inbound?range=week', 'range'],
    ['/api/stats/endpoints?limit=0', 'limit'],
    ['/api/stats/endpoints?range=24h&sort=name', 'sort'],
  ])('answers 400 naming the field for %s', async (path, field) => {
    const res = await hub.request('GET', path, { token: a.token });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
  });
});
