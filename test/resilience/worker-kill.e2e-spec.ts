import { Hub, startHub } from '../harness';
import { seedEndpoint } from '../support/endpoint-fixture';
import { eventually, Receiver } from '../support/receiver';
import { WorkerProcess } from '../support/worker-process';

/**
 * SPEC §1/§3: a worker killed mid-delivery loses nothing. The api runs in
 * this process, the worker in a child process that gets SIGKILL while several
 * attempts are in flight; a new worker finishes every delivery.
 */
describe('worker killed mid-delivery', () => {
  let hub: Hub;
  let receiver: Receiver;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    hub = await startHub({ roles: { api: true, worker: false }, env: { WEBHOOK_TIMEOUT_MS: '3000', WEBHOOK_SWEEP_INTERVAL_MS: '1000', WEBHOOK_RETRY_SCHEDULE: '0,1,1,1,1' } });
    receiver = await new Receiver().start();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill()));
    await receiver.stop();
    await hub.close();
  });

  it('delivers every event after a SIGKILL', async () => {
    const a = await hub.signup();
    await seedEndpoint(hub, a.accountId, { url: receiver.url() });
    // Slow answers keep attempts in flight when the worker dies.
    receiver.respond = () => ({ status: 200, delayMs: 1000 });
    const first = new WorkerProcess(hub, { WEBHOOK_DELIVERY_CONCURRENCY: '5' });
    workers.push(first);
    await first.start();

    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await hub.request('POST', '/api/events', { token: a.token, body: { type: 'custom.order', data: { n: i } } });
      expect(res.status).toBe(202);
      ids.push(res.body.id);
    }
    await receiver.waitFor(3, 20000);
    await first.kill('SIGKILL');
    const inFlight = await hub.sql("SELECT count(*)::int AS n FROM deliveries WHERE status = 'pending'");
    expect(inFlight[0].n).toBeGreaterThan(0);

    receiver.respond = () => ({ status: 200 });
    const second = new WorkerProcess(hub);
    workers.push(second);
    await second.start();

    await eventually(async () => (await hub.sql("SELECT count(*)::int AS n FROM deliveries WHERE status = 'succeeded'"))[0].n === 20, 70000, 500);
    const delivered = new Set(receiver.received.map((r) => r.headers['webhook-id']));
    expect([...delivered].sort()).toEqual([...ids].sort());
  }, 120000);
});
