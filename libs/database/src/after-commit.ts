import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { TransactionStash } from './transaction-stash';

type Task = () => Promise<void>;

/**
 * The one run-after-commit hook. Runs work once the caller's transaction has
 * COMMITTED (enqueueing a job for rows that might still roll back, or are not
 * yet visible to the worker, would point at nothing). Outside a transaction
 * the work runs at once. Savepoints are understood: work registered inside a
 * savepoint that rolls back is dropped, the rest still runs at the outer
 * COMMIT, and releasing a savepoint runs nothing yet. The work must be safe to
 * lose: PostgreSQL keeps the truth and the sweeper finds it again. So the
 * caller does not wait for it: a request is answered once its rows are
 * committed, also while Redis cannot be reached (the enqueue then waits, not
 * the sender).
 */
@Injectable()
export class AfterCommit implements EntitySubscriberInterface, OnModuleInit {
  private readonly logger = new Logger('AfterCommit');
  private readonly pending = new TransactionStash<Task>('hub.afterCommit');

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  async run(tx: EntityManager, task: Task): Promise<void> {
    if (this.pending.push(tx.queryRunner, task)) return;
    void this.execute([task]);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const tasks = this.pending.takeCommitted(event.queryRunner);
    if (tasks.length > 0) void this.execute(tasks);
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    this.pending.dropRolledBack(event.queryRunner);
  }

  private async execute(tasks: Task[]): Promise<void> {
    await Promise.all(tasks.map((task) => task().catch((error: Error) => this.logger.warn(`After-commit work failed (the sweeper will redo it): ${error.message}`))));
  }
}
