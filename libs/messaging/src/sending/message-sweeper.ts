import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@hub/config';
import { PeriodicTask } from '@hub/operations';
import { DueMessage, MessageProducer } from './message-producer';
import { MessageSendRunner } from './message-send-runner';
import { MAX_SEND_ATTEMPTS } from './retry-policy';

// Work younger than this is still in the normal path (job just enqueued or running).
const GRACE_SECONDS = 5;
const BATCH = 1000;
const SWEEP_LOCK = 727_003;

/**
 * PostgreSQL is the truth, Redis only moves work. On a plain timer (not a Bull
 * job, so it survives a Redis flush) one worker re-enqueues queued messages
 * that are due and not leased, and fails those whose last try died with its
 * worker. Job ids are deterministic, so re-adding a live job is a no-op, and
 * the runner's claim makes a duplicate harmless anyway.
 */
@Injectable()
export class MessageSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MessageSweeper');
  private readonly task: PeriodicTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: MessageProducer,
    private readonly runner: MessageSendRunner,
    private readonly config: AppConfig,
  ) {
    this.task = new PeriodicTask('MessageSweeper', config.webhookSweepIntervalMs, () => this.sweep());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass; returns what it re-enqueued and what it failed. Only one worker sweeps at a time. */
  async sweep(): Promise<{ enqueued: number; abandoned: number }> {
    const found = await this.dataSource.transaction(async (tx) => {
      const [{ locked }] = (await tx.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [SWEEP_LOCK])) as [{ locked: boolean }];
      if (!locked) return { due: [] as DueMessage[], abandoned: [] as string[] };
      const due = (await tx.query(
        `SELECT id, attempt_count FROM messages
          WHERE status = 'queued' AND attempt_count < $3 AND next_attempt_at < now() - make_interval(secs => $1)
            AND (locked_until IS NULL OR locked_until < now())
          ORDER BY next_attempt_at LIMIT $2`,
        [GRACE_SECONDS, BATCH, MAX_SEND_ATTEMPTS],
      )) as DueMessage[];
      const abandoned = (await tx.query(
        `SELECT id FROM messages WHERE status = 'queued' AND attempt_count >= $2 AND locked_until < now() ORDER BY next_attempt_at LIMIT $1`,
        [BATCH, MAX_SEND_ATTEMPTS],
      )) as { id: string }[];
      return { due, abandoned: abandoned.map((m) => m.id) };
    });
    await this.producer.send(found.due);
    for (const id of found.abandoned) await this.runner.failAbandoned(id);
    if (found.due.length + found.abandoned.length > 0) {
      this.logger.log(`Re-enqueued ${found.due.length} message(s) from PostgreSQL; failed ${found.abandoned.length} abandoned`);
    }
    return { enqueued: found.due.length, abandoned: found.abandoned.length };
  }
}
