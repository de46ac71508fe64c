import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import Bull, { Job, Queue } from 'bull';
import { runJobInSpan } from '@hub/tracing';

/** The queues registered in this process that nobody consumes, in name order. */
export function queuesWithoutConsumer(registered: Iterable<string>, consumed: ReadonlySet<string>): string[] {
  return [...new Set(registered)].filter((name) => !consumed.has(name)).sort();
}

/**
 * Where a worker's consumers start, and the check that none is missing: at
 * boot the worker refuses to start if a queue registered in it (every
 * BullModule.registerQueue of the modules it loads) has no consumer, since
 * its jobs would wait forever. At shutdown it stops every queue taking jobs,
 * waits for the jobs running, and closes the queues at once, without waiting
 * on Bull's idle fetch loops: after a Redis outage their blocking fetches are
 * replayed one after another on one connection (5 s each, times the
 * concurrency), which held Nest's queue-by-queue close for minutes.
 */
@Injectable()
export class QueueConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('QueueConsumers');
  private readonly consumed = new Set<string>();
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly discovery: DiscoveryService) {}

  /**
   * Takes `concurrency` jobs of `queue` at once, each handled by `handler` (a
   * rejection fails the job), in a span that continues the trace the job
   * carries (tracing on).
   */
  consume<T>(queue: Queue<T>, concurrency: number, handler: (job: Job<T>) => Promise<unknown>): void {
    this.consumed.add(queue.name);
    const run = (job: Job<T>) => {
      const running = runJobInSpan(queue.name, job, () => handler(job));
      this.running.add(running);
      return running.finally(() => this.running.delete(running));
    };
    queue.process(concurrency, run).catch((error: Error) => this.logger.error(`Consumer of ${queue.name} stopped: ${error.message}`));
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

  /** Before @nestjs/bull's own close of each queue, which then finds it closed (close() is idempotent). */
  async beforeApplicationShutdown(): Promise<void> {
    const queues = this.queues();
    await Promise.all(queues.map((queue) => queue.pause(true, true).catch(() => undefined)));
    await Promise.allSettled([...this.running]);
    await Promise.all(queues.map((queue) => queue.close(true)));
  }

  private queues(): Queue[] {
    const queues = new Set<Queue>();
    for (const wrapper of this.discovery.getProviders()) {
      if (wrapper.instance instanceof Bull) queues.add(wrapper.instance as Queue);
    }
    return [...queues];
  }
}
