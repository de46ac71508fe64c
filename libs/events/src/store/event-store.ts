import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { HubEvent } from './event.entity';

/**
 * Every statement on `events` outside the publisher: this lib alone reads and
 * writes the table. A statement that must also touch another lib's tables (the
 * delivery engine's fan-out stores events and deliveries in one statement, its
 * claim reads the event with the delivery) composes the fragments below, so
 * the hot paths stay one statement; the columns and their types stay here.
 */

/** What a fan-out reads of an event (the columns each fragment's relation has). */
export type FanOutEvent = Pick<HubEvent, 'id' | 'account_id' | 'type' | 'channel_id' | 'data'>;

/** An event as `to_jsonb()` gives it: timestamps as text. */
export type EventJson = Omit<HubEvent, 'created_at' | 'dispatched_at'> & { created_at: string; dispatched_at: string | null };

const FAN_OUT_COLUMNS = 'id, account_id, type, channel_id, data';

export const EventSql = {
  /**
   * An INSERT of the events in the jsonb parameter `param` (see rowsJson()),
   * stored as dispatched, RETURNING the fan-out columns: the body of a CTE of
   * the caller's statement.
   */
  insertDispatched(param: string): string {
    return `INSERT INTO events (id, account_id, type, channel, channel_id, data, idempotency_key, created_at, dispatched_at)
    SELECT id, account_id, type, channel, channel_id, data, idempotency_key, created_at, created_at
      FROM jsonb_to_recordset(${param}::jsonb) AS x(id text, account_id uuid, type text, channel text, channel_id uuid, data jsonb, idempotency_key text, created_at timestamptz)
    RETURNING ${FAN_OUT_COLUMNS}`;
  },

  /** The parameter of insertDispatched() for these events. */
  rowsJson(events: HubEvent[]): string {
    return JSON.stringify(events.map((e) => ({ ...e, created_at: e.created_at.toISOString() })));
  },

  /**
   * Claims the undispatched events among the ids in `param` (racing workers
   * skip each other's) and marks them dispatched, RETURNING the fan-out
   * columns: the body of a CTE of the caller's statement.
   */
  markDispatched(param: string): string {
    return `UPDATE events SET dispatched_at = now()
     WHERE id IN (SELECT id FROM events WHERE id = ANY(${param}) AND dispatched_at IS NULL FOR UPDATE SKIP LOCKED)
    RETURNING ${FAN_OUT_COLUMNS}`;
  },

  /** A scalar subquery: the event whose id is `idExpr`, as jsonb (null when it is no longer stored); read it with fromJson(). */
  jsonById(idExpr: string): string {
    return `(SELECT to_jsonb(stored_event) FROM events stored_event WHERE stored_event.id = ${idExpr})`;
  },

  /** An event read through jsonById(), its timestamps as Dates. */
  fromJson(json: EventJson | null): HubEvent | null {
    if (!json) return null;
    return { ...json, created_at: new Date(json.created_at), dispatched_at: json.dispatched_at ? new Date(json.dispatched_at) : null };
  },
};

/**
 * Events stored but never fanned out (stored without the delivery engine, or
 * their dispatch job lost) and older than `graceSeconds`, oldest first, at most
 * `limit`: the sweeper's question, in its transaction.
 */
export async function undispatchedEventIds(tx: EntityManager, graceSeconds: number, limit: number): Promise<string[]> {
  const rows = await tx.query<{ id: string }[]>(
    `SELECT id FROM events WHERE dispatched_at IS NULL AND created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT $2`,
    [graceSeconds, limit],
  );
  return rows.map((row) => row.id);
}

/** Reads of stored events for the admin views. */
@Injectable()
export class EventStore {
  constructor(@InjectRepository(HubEvent) private readonly events: Repository<HubEvent>) {}

  /** The account's event, or null (also another account's, or one no longer stored). */
  findForAccount(accountId: string, id: string): Promise<HubEvent | null> {
    return this.events.findOneBy({ id, account_id: accountId });
  }
}
