import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';

const PENDING_KEY = 'hub.publishedEventIds';

export type CommittedEventsListener = (eventIds: string[]) => Promise<void>;

/**
 * Tells listeners (the delivery engine) which events a transaction published,
 * once it has COMMITTED: a job for an event that then rolled back would point at
 * nothing, and a job enqueued before commit could run before the row is visible.
 * If this signal is lost (crash, Redis down), the sweeper still finds the event.
 */
@Injectable()
export class EventCommitHook implements EntitySubscriberInterface, OnModuleInit {
  private readonly listeners: CommittedEventsListener[] = [];

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  listen(listener: CommittedEventsListener): void {
    this.listeners.push(listener);
  }

  /** Called by the publisher for every inserted event. */
  async published(queryRunner: QueryRunner | undefined, eventId: string): Promise<void> {
    if (queryRunner?.isTransactionActive) {
      const pending = (queryRunner.data[PENDING_KEY] ??= []) as string[];
      pending.push(eventId);
      return;
    }
    await this.notify([eventId]);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const pending = event.queryRunner.data[PENDING_KEY] as string[] | undefined;
    if (!pending?.length) return;
    delete event.queryRunner.data[PENDING_KEY];
    await this.notify(pending);
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    delete event.queryRunner.data[PENDING_KEY];
  }

  private async notify(eventIds: string[]): Promise<void> {
    await Promise.all(this.listeners.map((listener) => listener(eventIds).catch(() => undefined)));
  }
}
