import { Hub, startHub } from '../harness';
import { seedEndpoint } from '../support/endpoint-fixture';
import { eventually, Receiver } from '../support/receiver';
import { WorkerProcess } from '../support/worker-process';

const EVENTS = 150;

/**
 * Issue "Production start" item 2: SIGTERM during a delivery backlog. The
 * worker stops taking jobs, lets the attempts in flight finish, and exits 0 —
 * which it does only when it finished within SHUTDOWN_TIMEOUT_MS (past it, it
 * exits 1). Nothing stays leased, every request the receiver got is a stored
 * attempt, and a restarted worker delivers the rest.
 */
describe('graceful shutdown of a worker', () => {
  let hub: Hub;
  let receiver: Receiver;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    hub = await startHub({ roles: { api: true, worker: false }, env: { WEBHOOK_SWEEP_INTERVAL_MS: '1000' } });
    receiver = await new Receiver().start();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill()));
    await receiver.stop();
    await hub.close();
  });

  it('finishes its attempts in flight, exits 0 and leaves the backlog to the next worker', async () => {
    const a = await hub.signup();
    await seedEndpoint(hub, a.accountId, { url: receiver.url() });
    // Slow answers: when SIGTERM arrives, attempts are in flight and most of the backlog is still waiting.
    receiver.respond = () => ({ status: 200, delayMs: 400 });
    const first = new WorkerProcess(hub, { WEBHOOK_DELIVERY_CONCURRENCY: '10', SHUTDOWN_TIMEOUT_MS: '8000', LOG_LEVEL: 'info' });
    workers.push(first);
    await first.start();

    const ids: string[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const res = await hub.request('POST', '/api/events', { token: a.token, body: { type: 'custom.order', data: { n: i } } });
      expect(res.status).toBe(202);
      ids.push(res.body.id);
    }
    await receiver.waitFor(12, 20000);

    const exit = await first.stop('SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(first.output).toContain('Stopped cleanly');

    const [state] = await hub.sql<{ leased: number; pending: number; attempts: number }>(
      `SELECT (SELECT count(*)::int FROM deliveries WHERE locked_until > now()) AS leased,
              (SELECT count(*)::int FROM deliveries WHERE status = 'pending') AS pending,
              (SELECT count(*)::int FROM delivery_attempts) AS attempts`,
    );
    expect(state.leased).toBe(0);
    expect(state.attempts).toBe(receiver.received.length);
    expect(state.pending).toBeGreaterThan(0);

    receiver.respond = () => ({ status: 200 });
    const second = new WorkerProcess(hub);
    workers.push(second);
    await second.start();
    await eventually(async () => (await hub.sql("SELECT count(*)::int AS n FROM deliveries WHERE status = 'succeeded'"))[0].n === EVENTS, 60000, 250);
    const delivered = new Set(receiver.received.map((r) => r.headers['webhook-id']));
    expect([...delivered].sort()).toEqual([...ids].sort());
  }, 120000);
});
