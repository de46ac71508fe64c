import { DiscoveryService } from '@nestjs/core';
import Bull from 'bull';
import { randomBytes } from 'node:crypto';
import { QueueConsumers, queuesWithoutConsumer } from './queue-consumers';

describe('queuesWithoutConsumer', () => {
  it('names each registered queue nobody consumes, once, in order', () => {
    expect(queuesWithoutConsumer(['b', 'a', 'c', 'b'], new Set(['c']))).toEqual(['a', 'b']);
    expect(queuesWithoutConsumer(['a'], new Set(['a']))).toEqual([]);
  });
});

describe('QueueConsumers (Redis)', () => {
  const prefix = `spec-${randomBytes(4).toString('hex')}`;
  const redis = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const queues = ['consumed', 'forgotten'].map((name) => new Bull(name, redis, { prefix }));
  const discovery = { getProviders: () => [...queues, {}].map((instance) => ({ instance })) } as unknown as DiscoveryService;
  afterAll(() => Promise.all(queues.map((queue) => queue.close())));

  it('refuses to start the worker while a registered queue has no consumer, naming it', async () => {
    const consumers = new QueueConsumers(discovery);
    const handled: unknown[] = [];
    consumers.consume(queues[0], 1, async (job) => void handled.push(job.data));
    expect(() => consumers.onApplicationBootstrap()).toThrow('no consumer for queue "forgotten"');
    consumers.consume(queues[1], 1, async () => undefined);
    expect(() => consumers.onApplicationBootstrap()).not.toThrow();
    await queues[0].add({ n: 1 });
    for (let i = 0; i < 50 && handled.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(handled).toEqual([{ n: 1 }]);
  });
});
