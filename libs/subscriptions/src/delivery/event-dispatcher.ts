import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AfterCommit, RoundTripBatcher } from '@hub/database';
import { EventPublisher, EventSql, type HubEvent } from '@hub/events';
import { DeliveryProducer, DueDelivery } from '../queues/webhook-delivery/webhook-delivery.producer';
import { insertDeliveriesSql } from './fan-out';

// One statement for many events (a transaction's, or those of publishers arriving together): every event row and its deliveries.
const STORE_MANY_WITH_DELIVERIES = `WITH ev AS (${EventSql.insertDispatched('$1')}), d AS (${insertDeliveriesSql('ev')})
  SELECT id, attempt_count, event_id FROM d`;

// One statement: claim undispatched outbox rows (racing workers skip each other's), mark them, fan them out.
const DISPATCH = `WITH ev AS (${EventSql.markDispatched('$1')}), d AS (${insertDeliveriesSql('ev')})
  SELECT id, attempt_count FROM d`;

/**
 * Turns events into deliveries. Normally inside the publishing statement
 * (registered with EventPublisher), so the event and its delivery rows commit
 * together before the publisher answers; their jobs go on the queue after the
 * commit. Publishers outside a transaction that arrive together share one
 * statement (group commit): each still answers only after its rows committed.
 * Events stored without fan-out are dispatched from the outbox by the sweeper
 * (dispatch()); the unique (event, endpoint, url) key guards a repeat.
 */
@Injectable()
export class EventDispatcher implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: DeliveryProducer,
    private readonly publisher: EventPublisher,
    private readonly afterCommit: AfterCommit,
  ) {}

  // Publishers outside a transaction (the Send API, POST /api/events) share their statement.
  private readonly groupCommit = new RoundTripBatcher<HubEvent, DueDelivery[]>((events) => this.storeMany(this.dataSource.manager, events));

  onModuleInit(): void {
    this.publisher.useFanOut(async (tx, events) => {
      const inTransaction = tx.queryRunner?.isTransactionActive === true;
      const due = inTransaction || events.length > 1 ? (await this.storeMany(tx, events)).flat() : await this.groupCommit.submit(events[0]);
      if (due.length > 0) await this.afterCommit.run(tx, () => this.producer.deliver(due));
    });
  }

  /** Stores the events and their deliveries in one statement; answers each event's deliveries. */
  private async storeMany(tx: EntityManager, events: HubEvent[]): Promise<DueDelivery[][]> {
    const rows = await tx.query<(DueDelivery & { event_id: string })[]>(STORE_MANY_WITH_DELIVERIES, [EventSql.rowsJson(events)]);
    const byEvent = new Map<string, DueDelivery[]>(events.map((e) => [e.id, []]));
    for (const { event_id: eventId, ...due } of rows) byEvent.get(eventId)?.push(due);
    return events.map((e) => byEvent.get(e.id) ?? []);
  }

  /** Dispatches stored events that were not fanned out yet (the sweeper's path). */
  async dispatch(eventIds: string[]): Promise<number> {
    const created = await this.dataSource.query<DueDelivery[]>(DISPATCH, [eventIds]);
    await this.producer.deliver(created);
    return created.length;
  }
}
