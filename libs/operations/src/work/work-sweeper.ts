import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@hub/config';
import { tryTransactionLock } from '@hub/database';
import { PeriodicTask } from '../periodic/periodic-task';

/** Work younger than this is still in the normal path (its job just enqueued or running). */
export const SWEEP_GRACE_SECONDS = 5;

/**
 * One kind of durable work, as the sweeper sees it: where PostgreSQL says
 * some is due, and how to put it on its queue. Each queue folder registers
 * its kind (`<queue>.sweep.ts`).
 */
export interface SweptKind<T = unknown> {
  /** Names the kind in logs and in sweep()'s answer (the table, plural: `deliveries`). */
  readonly name: string;
  /** Due work not leased by a live worker and older than graceSeconds, at most `limit` (one statement, in the sweep's transaction). */
  due(tx: EntityManager, graceSeconds: number, limit: number): Promise<T[]>;
  /** Puts it on the queue; never throws (a failed enqueue is found again next pass). */
  enqueue(due: T[]): Promise<void>;
  /** At most this many per pass (default 5,000). */
  readonly batch?: number;
  /** Work whose last try died with its worker and has no tries left: found in the transaction, ended after it. */
  readonly abandoned?: {
    find(tx: EntityManager, limit: number): Promise<string[]>;
    fail(id: string): Promise<void>;
  };
}

const DEFAULT_BATCH = 5000;

/**
 * PostgreSQL is the truth, Redis only moves work. Every
 * WEBHOOK_SWEEP_INTERVAL_MS (a plain timer, not a Bull job, so it survives a
 * Redis flush) one worker — the one holding the advisory lock — reads the
 * due work of every registered kind in one transaction and re-enqueues it:
 * a job lost with Redis, a failed enqueue, a worker killed mid-job, a delayed
 * retry or wait whose job vanished. Job ids are deterministic, so re-adding a
 * job that still exists is a no-op, and each kind's claim (lease or row lock)
 * makes a duplicate harmless anyway.
 */
@Injectable()
export class WorkSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkSweeper');
  private readonly kinds: SweptKind<any>[] = [];
  private readonly task: PeriodicTask;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.task = new PeriodicTask('WorkSweeper', config.webhookSweepIntervalMs, () => this.sweep());
  }

  register<T>(kind: SweptKind<T>): void {
    if (this.kinds.some((known) => known.name === kind.name)) throw new Error(`Work kind "${kind.name}" is registered twice with the sweeper`);
    this.kinds.push(kind);
  }

  get registered(): string[] {
    return this.kinds.map((kind) => kind.name);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass; answers how many of each kind it re-enqueued (and `<kind> abandoned`: ended). Only one worker sweeps at a time. */
  async sweep(): Promise<Record<string, number>> {
    const found = await this.dataSource.transaction(async (tx) => {
      if (!(await tryTransactionLock(tx, 'workSweep'))) return [];
      const passes: { kind: SweptKind<unknown>; due: unknown[]; abandoned: string[] }[] = [];
      for (const kind of this.kinds) {
        const batch = kind.batch ?? DEFAULT_BATCH;
        passes.push({ kind, due: await kind.due(tx, SWEEP_GRACE_SECONDS, batch), abandoned: (await kind.abandoned?.find(tx, batch)) ?? [] });
      }
      return passes;
    });
    const counts: Record<string, number> = Object.fromEntries(this.kinds.map((kind) => [kind.name, 0]));
    const said: string[] = [];
    for (const { kind, due, abandoned } of found) {
      await kind.enqueue(due);
      for (const id of abandoned) await kind.abandoned?.fail(id);
      counts[kind.name] = due.length;
      if (kind.abandoned) counts[`${kind.name} abandoned`] = abandoned.length;
      if (due.length > 0) said.push(`${due.length} ${kind.name}`);
      if (abandoned.length > 0) said.push(`failed ${abandoned.length} abandoned ${kind.name}`);
    }
    if (said.length > 0) this.logger.log(`Re-enqueued from PostgreSQL: ${said.join(', ')}`);
    return counts;
  }
}
