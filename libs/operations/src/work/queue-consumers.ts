import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import Bull, { Job, Queue } from 'bull';

/** The queues registered in this process that nobody consumes, in name order. */
export function queuesWithoutConsumer(registered: Iterable<string>, consumed: ReadonlySet<string>): string[] {
  return [...new Set(registered)].filter((name) => !consumed.has(name)).sort();
}

/**
 * Where a worker's consumers start, and the check that none is missing: at
 * boot the worker refuses to start if a queue registered in it (every
 * BullModule.registerQueue of the modules it loads) has no consumer, since
 * its jobs would wait forever. At shutdown it closes every queue at once:
 * @nestjs/bull closes each queue with its module, one module after another,
 * and each queue (one module each) may wait seconds for a Redis reconnect.
 */
@Injectable()
export class QueueConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('QueueConsumers');
  private readonly consumed = new Set<string>();

  constructor(private readonly discovery: DiscoveryService) {}

  /** Takes `concurrency` jobs of `queue` at once, each handled by `handler` (a rejection fails the job). */
  consume<T>(queue: Queue<T>, concurrency: number, handler: (job: Job<T>) => Promise<unknown>): void {
    this.consumed.add(queue.name);
    queue.process(concurrency, handler).catch((error: Error) => this.logger.error(`Consumer of ${queue.name} stopped: ${error.message}`));
  }

  onApplicationBootstrap(): void {
    const missing = queuesWithoutConsumer(
      this.queues().map((queue) => queue.name),
      this.consumed,
    );
    if (missing.length > 0) {
      throw new Error(`The worker cannot start: no consumer for queue ${missing.map((name) => `"${name}"`).join(', ')} (give its folder a consumer and list it in the worker module)`);
    }
  }

  /** Bull's close() is idempotent: the per-module closes that follow find these done. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues().map((queue) => queue.close()));
  }

  private queues(): Queue[] {
    const queues = new Set<Queue>();
    for (const wrapper of this.discovery.getProviders()) {
      if (wrapper.instance instanceof Bull) queues.add(wrapper.instance as Queue);
    }
    return [...queues];
  }
}
