import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AfterCommit } from '@hub/database';
import { EventPublisher } from '@hub/events';
import { DueDelivery, DeliveryProducer } from './delivery-producer';
import { insertDeliveriesSql } from './fan-out';

// One statement: the event row and every delivery it fans out to.
const STORE_WITH_DELIVERIES = `WITH ev AS (
    INSERT INTO events (id, account_id, type, channel, channel_id, data, idempotency_key, created_at, dispatched_at)
    VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $8)
    RETURNING id, account_id, type, channel_id, data
  ), d AS (${insertDeliveriesSql('ev')})
  SELECT id, attempt_count FROM d`;

// One statement: claim undispatched outbox rows (racing workers skip each other's), mark them, fan them out.
const DISPATCH = `WITH ev AS (
    SELECT id, account_id, type, channel_id, data FROM events WHERE id = ANY($1) AND dispatched_at IS NULL FOR UPDATE SKIP LOCKED
  ), marked AS (
    UPDATE events SET dispatched_at = now() WHERE id IN (SELECT id FROM ev)
  ), d AS (${insertDeliveriesSql('ev')})
  SELECT id, attempt_count FROM d`;

/**
 * Turns events into deliveries. Normally inside the publishing statement
 * (registered with EventPublisher), so the event and its delivery rows commit
 * together before the publisher answers; their jobs go on the queue after the
 * commit. Events stored without fan-out are dispatched from the outbox by the
 * sweeper (dispatch()); the unique (event, endpoint, url) key guards a repeat.
 */
@Injectable()
export class EventDispatcher implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: DeliveryProducer,
    private readonly publisher: EventPublisher,
    private readonly afterCommit: AfterCommit,
  ) {}

  onModuleInit(): void {
    this.publisher.useFanOut(async (tx, event) => {
      const due = (await tx.query(STORE_WITH_DELIVERIES, [
        event.id,
        event.account_id,
        event.type,
        event.channel,
        event.channel_id,
        JSON.stringify(event.data),
        event.idempotency_key,
        event.created_at,
      ])) as DueDelivery[];
      if (due.length > 0) await this.afterCommit.run(tx, () => this.producer.deliver(due));
    });
  }

  /** Dispatches stored events that were not fanned out yet (the sweeper's path). */
  async dispatch(eventIds: string[]): Promise<number> {
    const created = (await this.dataSource.query(DISPATCH, [eventIds])) as DueDelivery[];
    await this.producer.deliver(created);
    return created.length;
  }
}
