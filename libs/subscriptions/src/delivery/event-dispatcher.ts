import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AfterCommit } from '@hub/database';
import { EventPublisher } from '@hub/events';
import { DueDelivery, DeliveryProducer } from './delivery-producer';
import { fanOut, FanOutEndpoint } from './fan-out';

interface EventToFanOut {
  id: string;
  account_id: string;
  type: string;
  channel_id: string | null;
  data: Record<string, unknown>;
}

type EndpointRow = FanOutEndpoint & { account_id: string; channel_id: string | null };

/**
 * Turns events into deliveries. Normally inside the publishing transaction
 * (registered with EventPublisher), so the event and its delivery rows commit
 * together before the publisher answers; their jobs go on the queue after the
 * commit. Events stored without fan-out are dispatched from the outbox by the
 * sweeper (dispatch()), claimed with FOR UPDATE SKIP LOCKED so racing workers
 * fan one event out once; the unique (event, endpoint, url) key is the second guard.
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
      const due = await this.createDeliveries(tx, [event]);
      if (due.length > 0) await this.afterCommit.run(tx, () => this.producer.deliver(due));
      return true;
    });
  }

  /** Dispatches stored events that were not fanned out yet (the sweeper's path). */
  async dispatch(eventIds: string[]): Promise<number> {
    const created = await this.dataSource.transaction(async (tx) => {
      const events = (await tx.query(
        `SELECT id, account_id, type, channel_id, data FROM events WHERE id = ANY($1) AND dispatched_at IS NULL FOR UPDATE SKIP LOCKED`,
        [eventIds],
      )) as EventToFanOut[];
      if (events.length === 0) return [] as DueDelivery[];
      const due = await this.createDeliveries(tx, events);
      await tx.query('UPDATE events SET dispatched_at = now() WHERE id = ANY($1)', [events.map((e) => e.id)]);
      return due;
    });
    await this.producer.deliver(created);
    return created.length;
  }

  /** Inserts the deliveries of these events (general ∪ channel endpoints of each event's account). */
  async createDeliveries(tx: EntityManager, events: EventToFanOut[]): Promise<DueDelivery[]> {
    const accounts = [...new Set(events.map((e) => e.account_id))];
    const endpoints = (await tx.query(
      `SELECT id, account_id, channel_id, url, event_types, event_urls FROM endpoints WHERE account_id = ANY($1) AND enabled`,
      [accounts],
    )) as EndpointRow[];
    if (endpoints.length === 0) return [];
    const rows: unknown[] = [];
    for (const event of events) {
      const candidates = endpoints.filter((e) => e.account_id === event.account_id && (e.channel_id === null || e.channel_id === event.channel_id));
      for (const target of fanOut(event, candidates)) rows.push([event.account_id, event.id, event.type, target.endpointId, target.url]);
    }
    if (rows.length === 0) return [];
    return (await tx.query(
      `INSERT INTO deliveries (account_id, event_id, event_type, endpoint_id, url, next_attempt_at)
       SELECT (r->>0)::uuid, r->>1, r->>2, (r->>3)::uuid, r->>4, now() FROM jsonb_array_elements($1::jsonb) AS r
       ON CONFLICT (event_id, endpoint_id, url) DO NOTHING
       RETURNING id, attempt_count`,
      [JSON.stringify(rows)],
    )) as DueDelivery[];
  }
}
