import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DueDelivery, DeliveryProducer } from './delivery-producer';
import { fanOut, FanOutEndpoint } from './fan-out';

interface PendingEventRow {
  id: string;
  account_id: string;
  type: string;
  channel_id: string | null;
  data: Record<string, unknown>;
}

/**
 * Turns stored events into deliveries. Claiming the event row with
 * FOR UPDATE SKIP LOCKED and marking it dispatched in the same transaction as
 * the delivery inserts means several workers (or a job and the sweeper) can
 * race on one event and it still fans out once; the unique
 * (event, endpoint, url) key is the second guard.
 */
@Injectable()
export class EventDispatcher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: DeliveryProducer,
  ) {}

  async dispatch(eventIds: string[]): Promise<number> {
    const created = await this.dataSource.transaction(async (tx) => {
      const events = (await tx.query(
        `SELECT id, account_id, type, channel_id, data FROM events
          WHERE id = ANY($1) AND dispatched_at IS NULL
          FOR UPDATE SKIP LOCKED`,
        [eventIds],
      )) as PendingEventRow[];
      if (events.length === 0) return [] as DueDelivery[];
      const accounts = [...new Set(events.map((e) => e.account_id))];
      const endpoints = (await tx.query(
        `SELECT id, account_id, channel_id, url, event_types, event_urls FROM endpoints
          WHERE account_id = ANY($1) AND enabled`,
        [accounts],
      )) as (FanOutEndpoint & { account_id: string; channel_id: string | null })[];
      const rows: unknown[] = [];
      for (const event of events) {
        // General endpoints of the account ∪ endpoints of the event's channel.
        const candidates = endpoints.filter((e) => e.account_id === event.account_id && (e.channel_id === null || e.channel_id === event.channel_id));
        for (const target of fanOut(event, candidates)) {
          rows.push([event.account_id, event.id, event.type, target.endpointId, target.url]);
        }
      }
      let inserted: DueDelivery[] = [];
      if (rows.length > 0) {
        inserted = (await tx.query(
          `INSERT INTO deliveries (account_id, event_id, event_type, endpoint_id, url, next_attempt_at)
           SELECT (r->>0)::uuid, r->>1, r->>2, (r->>3)::uuid, r->>4, now()
             FROM jsonb_array_elements($1::jsonb) AS r
           ON CONFLICT (event_id, endpoint_id, url) DO NOTHING
           RETURNING id, attempt_count`,
          [JSON.stringify(rows)],
        )) as DueDelivery[];
      }
      await tx.query('UPDATE events SET dispatched_at = now() WHERE id = ANY($1)', [events.map((e) => e.id)]);
      return inserted;
    });
    await this.producer.deliver(created);
    return created.length;
  }
}
