import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';

const PENDING = 'hub.afterCommit';
type Task = () => Promise<void>;

/**
 * Runs work once the caller's transaction has COMMITTED (enqueueing a job for
 * rows that might still roll back, or are not yet visible to the worker, would
 * point at nothing). Outside a transaction the work runs at once. The work must
 * be safe to lose: PostgreSQL keeps the truth and the sweeper finds it again.
 * So the caller does not wait for it: a request is answered once its rows are
 * committed, also while Redis cannot be reached (the enqueue then waits, not
 * the sender).
 */
@Injectable()
export class AfterCommit implements EntitySubscriberInterface, OnModuleInit {
  private readonly logger = new Logger('AfterCommit');

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  async run(tx: EntityManager, task: Task): Promise<void> {
    const runner = tx.queryRunner;
    if (runner?.isTransactionActive) {
      ((runner.data[PENDING] ??= []) as Task[]).push(task);
      return;
    }
    void this.execute([task]);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const tasks = event.queryRunner.data[PENDING] as Task[] | undefined;
    if (!tasks?.length) return;
    delete event.queryRunner.data[PENDING];
    void this.execute(tasks);
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    delete event.queryRunner.data[PENDING];
  }

  private async execute(tasks: Task[]): Promise<void> {
    await Promise.all(tasks.map((task) => task().catch((error: Error) => this.logger.warn(`After-commit work failed (the sweeper will redo it): ${error.message}`))));
  }
}
