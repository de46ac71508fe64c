import { Hub, startHub } from '../harness';
import { eventually } from '../support/receiver';
import { TcpGate } from '../support/tcp-gate';

const SECRET = 'node-secret-for-resilience-0123456';

/**
 * SPEC §1 for the WhatsApp node service: while Redis cannot be reached, the
 * node's session reports and events are answered as soon as PostgreSQL holds
 * them; once Redis is back the sweeper enqueues the stored events and each is
 * applied once.
 */
describe('WhatsApp node service with Redis unreachable for a while', () => {
  let hub: Hub;
  let gate: TcpGate;
  const headers = { 'x-node-secret': SECRET };

  beforeAll(async () => {
    const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    gate = new TcpGate(redis.hostname, Number(redis.port || 6379));
    const port = await gate.start();
    hub = await startHub({ env: { REDIS_URL: `redis://127.0.0.1:${port}`, WEBHOOK_SWEEP_INTERVAL_MS: '1000', WHATSAPP_NODE_SECRET: SECRET } });
  });
  afterAll(async () => {
    gate.restore();
    await hub.close();
    await gate.stop();
  });

  it('answers the node at once while Redis is away, then applies every stored message once', async () => {
    const a = await hub.signup();
    const channel = await hub.request('POST', '/api/channels', { token: a.token, body: { type: 'whatsapp', name: 'Support' } });
    const sessionId = channel.body.session_id as string;

    gate.cut();
    const timed = async (path: string, body: unknown) => {
      const started = Date.now();
      const res = await hub.request('POST', path, { body, headers });
      // Answered once committed: nowhere near ioredis's reconnect delays (up to 5 s).
      expect(Date.now() - started).toBeLessThan(2000);
      return res;
    };
    expect((await timed('/api/whatsapp/session/status', { session_id: sessionId, status: 'connected', phone: '+15555550100' })).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const res = await timed('/api/whatsapp/node/webhook', {
        event: 'messages.upsert',
        session_id: sessionId,
        data: { key: { remoteJid: `3461234567${i}@s.whatsapp.net`, fromMe: false, id: `3EB0AWAY${i}` }, message: { conversation: `While Redis is away ${i}` } },
      });
      expect(res.body).toEqual({ received: 1, duplicates: 0, ignored: 0 });
    }
    expect(await hub.sql("SELECT count(*)::int AS n FROM whatsapp_events WHERE status = 'pending'")).toEqual([{ n: 5 }]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await hub.sql("SELECT count(*)::int AS n FROM messages WHERE direction = 'inbound'")).toEqual([{ n: 0 }]);

    gate.restore();
    await eventually(async () => (await hub.sql("SELECT count(*)::int AS n FROM whatsapp_events WHERE status = 'applied'"))[0].n === 5, 45000, 250);
    expect(await hub.sql("SELECT count(*)::int AS n FROM messages WHERE direction = 'inbound'")).toEqual([{ n: 5 }]);
    expect(await hub.sql("SELECT count(*)::int AS n FROM events WHERE type = 'message.received'")).toEqual([{ n: 5 }]);
  }, 120000);
});
