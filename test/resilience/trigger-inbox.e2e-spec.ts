import Redis from 'ioredis';
import { Hub, startHub } from '../harness';
import { eventually } from '../support/receiver';
import { WorkerProcess } from '../support/worker-process';

/**
 * The trigger webhook answers once the request is stored in PostgreSQL; the
 * worker enrols later. Here no worker runs while the requests arrive, then
 * Redis loses every queued job; a worker started afterwards still enrols
 * every contact, once, from what PostgreSQL holds.
 */
describe('trigger webhook: stored before the answer, enrolled after a Redis flush', () => {
  let hub: Hub;
  let redis: Redis;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    hub = await startHub({ roles: { api: true, worker: false }, env: { WEBHOOK_SWEEP_INTERVAL_MS: '1000' } });
    redis = new Redis(hub.config.redisUrl);
  });
  afterAll(async () => {
    await worker?.kill();
    redis.disconnect();
    await hub.close();
  });

  it('enrols all 30 contacts once after FLUSHALL, started by a worker that came late', async () => {
    const a = await hub.signup();
    const created = await hub.request('POST', '/api/workflows', { token: a.token, body: { name: 'Late worker', steps: [] } });
    expect(created.status).toBe(201);
    const webhookId = created.body.trigger.webhook_id;
    const emails = Array.from({ length: 30 }, (_, i) => `late-${i}@example.com`);
    for (const email of emails) {
      const res = await hub.request('POST', `/api/automation/webhook/${webhookId}`, { body: { email, n: 1 } });
      expect([res.status, res.body.workflows_triggered]).toEqual([200, 1]);
    }
    // Answered, stored, not yet processed: no worker is running.
    expect(await hub.sql("SELECT status, count(*)::int AS n FROM workflow_trigger_requests GROUP BY status")).toEqual([{ status: 'pending', n: 30 }]);
    expect(await hub.sql('SELECT id FROM contacts WHERE email = ANY($1)', [emails])).toEqual([]);

    await redis.flushall();
    worker = new WorkerProcess(hub, { WEBHOOK_SWEEP_INTERVAL_MS: '1000' });
    await worker.start();

    await eventually(async () => (await hub.sql("SELECT count(*)::int AS n FROM workflow_trigger_requests WHERE status = 'processed'"))[0].n === 30, 30000, 250);
    const contacts = await hub.sql<{ email: string }>('SELECT email FROM contacts WHERE account_id = $1 ORDER BY email', [a.accountId]);
    expect(contacts.map((c) => c.email)).toEqual([...emails].sort());
    const runs = await hub.sql<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM workflow_runs GROUP BY status');
    expect(runs).toEqual([{ status: 'completed', n: 30 }]);
  }, 60000);
});
