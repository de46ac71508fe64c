import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { TransactionStash } from '@hub/database';
import { ChannelKind } from '../catalog';
import { HubEvent } from '../store/event.entity';
import { newEventId } from '../store/event-id';

export interface NewEvent {
  accountId: string;
  type: string;
  data: Record<string, unknown>;
  channel?: ChannelKind | null;
  channelId?: string | null;
}

/**
 * Stores events together with their deliveries (one statement, with the
 * caller's transaction manager). Registered by the delivery engine; without it
 * an event is stored alone, undispatched, and the sweeper fans it out later.
 */
export type InTransactionFanOut = (tx: EntityManager, events: HubEvent[]) => Promise<void>;

const IDEMPOTENCY_WINDOW_HOURS = 24;

/**
 * The single way anything publishes an event. It writes with the caller's
 * transaction manager, so the event — and, with the delivery engine loaded,
 * its delivery rows — commit or roll back with the change that caused it
 * (transactional outbox): a 2xx means both are stored. Inside a transaction
 * the events are written just before COMMIT, all in one statement (a
 * transaction that publishes three events makes one round trip for them, not
 * three); the returned row (id, created_at) is already final.
 */
@Injectable()
export class EventPublisher implements EntitySubscriberInterface, OnModuleInit {
  private fanOut?: InTransactionFanOut;
  // The same savepoint-aware stash as AfterCommit's: events published in a rolled-back savepoint are not written.
  private readonly deferred = new TransactionStash<HubEvent>('hub.deferredEvents');

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    if (!this.fanOut) return;
    const rows = this.deferred.takeAll(event.queryRunner);
    if (rows.length > 0) await this.fanOut(event.queryRunner.manager, rows);
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    // A rolled-back savepoint leaves the transaction (and what it published before the savepoint) alive.
    this.deferred.dropRolledBack(event.queryRunner);
  }

  useFanOut(fanOut: InTransactionFanOut): void {
    this.fanOut = fanOut;
  }

  publish(tx: EntityManager, event: NewEvent): Promise<HubEvent> {
    return this.insert(tx, event, null);
  }

  private async insert(tx: EntityManager, event: NewEvent, idempotencyKey: string | null): Promise<HubEvent> {
    const row = tx.getRepository(HubEvent).create({
      id: newEventId(),
      account_id: event.accountId,
      type: event.type,
      data: event.data,
      channel: event.channel ?? null,
      channel_id: event.channelId ?? null,
      idempotency_key: idempotencyKey,
      created_at: new Date(),
      dispatched_at: null,
    });
    if (!this.fanOut) {
      await tx.getRepository(HubEvent).insert(row as never);
      return row;
    }
    row.dispatched_at = row.created_at;
    if (!this.deferred.push(tx.queryRunner, row)) await this.fanOut(tx, [row]);
    return row;
  }

  /**
   * Publishes once per (account, key) within 24 h: a repeat returns the event
   * stored the first time. The advisory lock serialises concurrent repeats.
   */
  async publishIdempotent(tx: EntityManager, event: NewEvent, key: string): Promise<{ event: HubEvent; replayed: boolean }> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`event-idem:${event.accountId}:${key}`]);
    const existing = await tx
      .getRepository(HubEvent)
      .createQueryBuilder('e')
      .where('e.account_id = :accountId AND e.idempotency_key = :key', { accountId: event.accountId, key })
      .andWhere(`e.created_at > now() - interval '${IDEMPOTENCY_WINDOW_HOURS} hours'`)
      .getOne();
    if (existing) return { event: existing, replayed: true };
    return { event: await this.insert(tx, event, key), replayed: false };
  }
}
