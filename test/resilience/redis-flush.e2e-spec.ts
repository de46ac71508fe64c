import Redis from 'ioredis';
import { Hub, startHub } from '../harness';
import { seedEndpoint } from '../support/endpoint-fixture';
import { eventually, Receiver } from '../support/receiver';

/**
 * SPEC §1: Redis may keep nothing. FLUSHALL in the middle of a backlog drops
 * every queued job; PostgreSQL still has the events and deliveries, and the
 * sweeper puts them back, so every event is delivered.
 */
describe('Redis flushed and connections dropped during a backlog', () => {
  let hub: Hub;
  let receiver: Receiver;
  let redis: Redis;

  beforeAll(async () => {
    hub = await startHub({ env: { WEBHOOK_SWEEP_INTERVAL_MS: '1000', WEBHOOK_DELIVERY_CONCURRENCY: '4', WEBHOOK_RETRY_SCHEDULE: '0,1,1' } });
    receiver = await new Receiver().start();
    redis = new Redis(hub.config.redisUrl);
  });
  afterAll(async () => {
    redis.disconnect();
    await receiver.stop();
    await hub.close();
  });

  it('delivers every event after FLUSHALL, reconnecting by itself', async () => {
    const a = await hub.signup();
    await seedEndpoint(hub, a.accountId, { url: receiver.url() });
    receiver.respond = () => ({ status: 200, delayMs: 150 });
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await hub.request('POST', '/api/events', { token: a.token, body: { type: 'custom.order', data: { n: i } } });
      ids.push(res.body.id);
    }
    await receiver.waitFor(4);
    // What a restart of a Redis that keeps nothing looks like to its clients:
    // every connection dropped and every key gone.
    await redis.flushall();
    await redis.client('KILL', 'TYPE', 'normal', 'SKIPME', 'yes');
    expect(await redis.dbsize()).toBe(0);
    // Events published while Redis is empty are stored and delivered too.
    for (let i = 40; i < 45; i++) {
      const res = await hub.request('POST', '/api/events', { token: a.token, body: { type: 'custom.order', data: { n: i } } });
      ids.push(res.body.id);
    }
    await eventually(async () => (await hub.sql("SELECT count(*)::int AS n FROM deliveries WHERE status = 'succeeded'"))[0].n === 45, 60000, 500);
    const delivered = new Set(receiver.received.map((r) => r.headers['webhook-id']));
    expect([...delivered].sort()).toEqual([...ids].sort());
  }, 90000);
});
