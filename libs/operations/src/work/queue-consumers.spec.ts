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

  it('at shutdown, lets the job running finish, then closes every queue', async () => {
    const own = ['busy', 'idle'].map((name) => new Bull(name, redis, { prefix }));
    const consumers = new QueueConsumers({ getProviders: () => own.map((instance) => ({ instance })) } as unknown as DiscoveryService);
    const done: string[] = [];
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    consumers.consume(own[1], 1, async () => undefined);
    consumers.consume(own[0], 1, async () => {
      started();
      await new Promise((resolve) => setTimeout(resolve, 300));
      done.push('job');
    });
    await own[0].add({ n: 2 });
    await running;
    await consumers.beforeApplicationShutdown();
    done.push('closed');
    expect(done).toEqual(['job', 'closed']);
    expect(own.map((queue) => (queue as unknown as { closed?: boolean }).closed)).toEqual([true, true]);
  });
});
