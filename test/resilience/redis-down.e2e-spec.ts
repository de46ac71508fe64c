import { Hub, startHub } from '../harness';
import { seedEndpoint } from '../support/endpoint-fixture';
import { mailgunBody } from '../support/esp-signers';
import { eventually, Receiver } from '../support/receiver';
import { TcpGate } from '../support/tcp-gate';

/**
 * SPEC §1: Redis only moves work. While Redis cannot be reached, publishers
 * and trigger senders are still answered as soon as PostgreSQL holds what
 * they sent (not when Redis comes back); once it answers again, every event
 * is delivered and every contact enrolled, once.
 */
describe('Redis unreachable for a while', () => {
  let hub: Hub;
  let receiver: Receiver;
  let gate: TcpGate;

  beforeAll(async () => {
    const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    gate = new TcpGate(redis.hostname, Number(redis.port || 6379));
    const port = await gate.start();
    hub = await startHub({ env: { REDIS_URL: `redis://127.0.0.1:${port}`, WEBHOOK_SWEEP_INTERVAL_MS: '1000' } });
    receiver = await new Receiver().start();
  });
  afterAll(async () => {
    gate.restore();
    await receiver.stop();
    await hub.close();
    await gate.stop();
  });

  it('answers publishers and trigger senders at once while Redis is away, then delivers and enrols everything', async () => {
    const a = await hub.signup();
    // Subscribed to the published type only: the enrolments below publish contact.* and workflow.* events too.
    await seedEndpoint(hub, a.accountId, { url: receiver.url(), event_types: ['custom.order'] });
    const workflow = await hub.request('POST', '/api/workflows', { token: a.token, body: { name: 'While Redis is away', steps: [] } });
    expect(workflow.status).toBe(201);
    const channel = await hub.request('POST', '/api/channels', { token: a.token, body: { type: 'email', name: 'Mailgun', from_address: 'hi@shop.example.com', provider: 'mailgun', webhook_signing_key: 'mg-key-redis-down' } });
    expect(channel.status).toBe(201);

    gate.cut();
    const eventIds: string[] = [];
    for (let i = 0; i < 10; i++) {
      const started = Date.now();
      const published = await hub.request('POST', '/api/events', { token: a.token, body: { type: 'custom.order', data: { n: i } } });
      expect(published.status).toBe(202);
      // Answered once committed: nowhere near ioredis's reconnect delays (up to 5 s).
      expect(Date.now() - started).toBeLessThan(2000);
      eventIds.push(published.body.id);
    }
    // With an Idempotency-Key the event is published inside a transaction; its enqueue runs after the commit.
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const keyed = await hub.request('POST', '/api/events', { token: a.token, body: { type: 'custom.order', data: { keyed: i } }, headers: { 'idempotency-key': `away-${i}` } });
      expect(keyed.status).toBe(202);
      expect(Date.now() - started).toBeLessThan(2000);
      eventIds.push(keyed.body.id);
    }
    for (let i = 0; i < 5; i++) {
      const triggered = await hub.request('POST', `/api/automation/webhook/${workflow.body.trigger.webhook_id}`, { body: { email: `away-${i}@example.com` } });
      expect(triggered.status).toBe(200);
    }
    // ESP events: stored and answered at once; the worker applies them once Redis (its signal) is back.
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const esp = await hub.request('POST', `/api/webhook/email/mailgun/${channel.body.id}`, { raw: mailgunBody('mg-key-redis-down', { id: `away-${i}`, event: 'delivered', recipient: `away-${i}@example.com` }) });
      expect(esp.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2000);
    }
    const stored = await hub.sql("SELECT count(*)::int AS n FROM deliveries WHERE status = 'pending'");
    expect(stored[0].n).toBe(13);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.received).toHaveLength(0);

    gate.restore();
    await eventually(async () => (await hub.sql("SELECT count(*)::int AS n FROM deliveries WHERE status = 'succeeded'"))[0].n === 13, 45000, 250);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id']))).toEqual(new Set(eventIds));
    await eventually(async () => (await hub.sql("SELECT count(*)::int AS n FROM workflow_trigger_requests WHERE status = 'processed'"))[0].n === 5, 45000, 250);
    const runs = await hub.sql('SELECT count(*)::int AS n FROM workflow_runs WHERE workflow_id = $1', [workflow.body.id]);
    expect(runs[0].n).toBe(5);
    await eventually(async () => (await hub.sql('SELECT count(applied_at)::int AS n FROM message_provider_events WHERE channel_id = $1', [channel.body.id]))[0].n === 3, 45000, 250);
  }, 120000);
});
