import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@hub/config';
import { undispatchedEventIds } from '@hub/events';
import { PeriodicTask } from '@hub/operations';
import { DueDelivery, DeliveryProducer } from './delivery-producer';

// Work younger than this is still in the normal path (job just enqueued or running).
const GRACE_SECONDS = 5;
const BATCH = 5000;
const SWEEP_LOCK = 727_002;

/**
 * PostgreSQL is the truth, Redis only moves work. Every few seconds (a plain
 * timer, not a Bull job, so it survives a Redis flush) one worker re-enqueues
 * events not yet fanned out and due deliveries that are not leased. Job ids are
 * deterministic, so re-adding a job that still exists is a no-op; a delivery
 * still waiting in a shared job gets a second job, which the claim in
 * DeliveryRunner makes harmless (it finds the delivery done or leased).
 */
@Injectable()
export class DeliverySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeliverySweeper');
  private readonly task: PeriodicTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: DeliveryProducer,
    private readonly config: AppConfig,
  ) {
    this.task = new PeriodicTask('DeliverySweeper', config.webhookSweepIntervalMs, () => this.sweep());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass; returns what it re-enqueued. Only one worker sweeps at a time. */
  async sweep(): Promise<{ events: number; deliveries: number }> {
    const found = await this.dataSource.transaction(async (tx) => {
      const [{ locked }] = (await tx.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [SWEEP_LOCK])) as [{ locked: boolean }];
      if (!locked) return { events: [] as string[], deliveries: [] as DueDelivery[] };
      const events = await undispatchedEventIds(tx, GRACE_SECONDS, BATCH);
      const deliveries = (await tx.query(
        `SELECT id, attempt_count FROM deliveries
          WHERE status = 'pending' AND next_attempt_at < now() - make_interval(secs => $1)
            AND (locked_until IS NULL OR locked_until < now())
          ORDER BY next_attempt_at LIMIT $2`,
        [GRACE_SECONDS, BATCH],
      )) as DueDelivery[];
      return { events, deliveries };
    });
    await this.producer.dispatchEvents(found.events);
    await this.producer.deliver(found.deliveries);
    if (found.events.length + found.deliveries.length > 0) {
      this.logger.log(`Re-enqueued ${found.events.length} event(s) and ${found.deliveries.length} delivery(ies) from PostgreSQL`);
    }
    return { events: found.events.length, deliveries: found.deliveries.length };
  }
}
