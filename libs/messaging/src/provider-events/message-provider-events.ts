import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EmailSuppressions } from '@hub/contacts';
import { EventPublisher } from '@hub/events';
import { GroupsService } from '@hub/groups';
import { Message } from '../messages/message.entity';
import { MessageProviderEvent } from './provider-event.entity';
import { ProviderEventReport, STATUS_RANK_SQL } from './provider-event-report';
import { ProviderEventSql } from './provider-event-sql';
import { providerEventData, providerEventType } from './provider-event-payload';
import { returning } from '@hub/database';

const STATUS_KINDS = `('sent', 'delivered', 'opened', 'clicked', 'bounced', 'complained', 'failed')`;

/** A stored event with the message it is about (null when none of ours matched). */
interface MatchedEvent {
  id: string;
  message_id: string | null;
  kind: string;
  occurred_at: Date;
  reason: string | null;
}


/**
 * Applies what providers report about our messages (ESP delivery webhooks,
 * WhatsApp status updates), a batch at a time and set-based, so ESP volume
 * costs a few statements per batch rather than per event: match each event
 * to our message (our Message-ID header or the provider's id, anywhere in
 * the account), move each message's status forward only (STATUS_RANK_SQL)
 * with its history, emit one `message.*` event per provider event (unmatched
 * ones too, with the recipient), mark hard-bounced and complaining addresses
 * undeliverable and unsubscribe those who unsubscribed at the provider.
 */
@Injectable()
export class MessageProviderEvents {
  private readonly logger = new Logger('MessageProviderEvents');

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly suppressions: EmailSuppressions,
    private readonly groups: GroupsService,
  ) {}

  /** Stores reports for the worker to apply; answers the ids of those not stored before. */
  async record(tx: EntityManager, reports: ProviderEventReport[]): Promise<string[]> {
    if (reports.length === 0) return [];
    const rows = returning<{ id: string }>(await tx.query(ProviderEventSql.insertMany('$1'), [ProviderEventSql.rowsJson(reports)]));
    return rows.map((row) => row.id);
  }

  /** Stores and applies at once, in the caller's transaction (for routes whose events are already in the worker). */
  async apply(tx: EntityManager, reports: ProviderEventReport[]): Promise<void> {
    await this.applyStored(tx, await this.record(tx, reports));
  }

  /**
   * Applies up to `limit` stored events not yet applied, oldest first, in one
   * transaction (a concurrent worker skips the rows this one holds). When the
   * batch fails as a whole, each event is applied alone, so one bad event
   * does not hold back the others. Answers how many it took.
   */
  async applyPending(limit: number): Promise<number> {
    let ids: string[] = [];
    try {
      return await this.dataSource.transaction(async (tx) => {
        ids = await this.claim(tx, limit);
        await this.applyStored(tx, ids);
        return ids.length;
      });
    } catch (error) {
      if (ids.length <= 1) {
        if (ids.length === 1) await this.markUnapplicable(ids[0], error as Error);
        else throw error;
        return 1;
      }
      this.logger.warn(`A batch of ${ids.length} provider events failed (${(error as Error).message}); applying them one by one`);
      for (const id of ids) {
        try {
          await this.dataSource.transaction(async (tx) => {
            if ((await this.claimOne(tx, id)) === 1) await this.applyStored(tx, [id]);
          });
        } catch (single) {
          await this.markUnapplicable(id, single as Error);
        }
      }
      return ids.length;
    }
  }

  private async claim(tx: EntityManager, limit: number): Promise<string[]> {
    const rows = (await tx.query(
      `SELECT id FROM message_provider_events WHERE applied_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  private async claimOne(tx: EntityManager, id: string): Promise<number> {
    const rows = (await tx.query(`SELECT id FROM message_provider_events WHERE id = $1 AND applied_at IS NULL FOR UPDATE SKIP LOCKED`, [id])) as unknown[];
    return rows.length;
  }

  private async markUnapplicable(id: string, error: Error): Promise<void> {
    this.logger.warn(`Provider event ${id} could not be applied: ${error.message}`);
    await this.dataSource.query(`UPDATE message_provider_events SET applied_at = now(), apply_error = $2 WHERE id = $1 AND applied_at IS NULL`, [
      id,
      error.message.slice(0, 1000),
    ]);
  }

  /**
   * Each event row is written once, by the last statement (its match and
   * applied_at together): the row has several indexes, and a second new
   * version of every row was most of what applying a batch cost PostgreSQL.
   */
  private async applyStored(tx: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const matches = await this.match(tx, ids);
    await this.advance(tx, matches);
    const rows = (await tx.query(
      `WITH applied AS (
         UPDATE message_provider_events e SET applied_at = now(), message_id = COALESCE(e.message_id, matched.message_id)
           FROM unnest($1::uuid[], $2::uuid[]) AS matched(id, message_id)
          WHERE e.id = matched.id
         RETURNING e.*)
       SELECT applied.*, to_jsonb(m) AS message FROM applied LEFT JOIN messages m ON m.id = applied.message_id
        ORDER BY applied.occurred_at, applied.created_at`,
      [matches.map((match) => match.id), matches.map((match) => match.message_id)],
    )) as (MessageProviderEvent & { message: Message | null })[];
    for (const row of rows) {
      const type = providerEventType(row.kind);
      if (!type) continue;
      const message = row.message ? revive(row.message) : null;
      const data = providerEventData(row, message);
      if (!data) continue;
      await this.events.publish(tx, { accountId: row.account_id, type, channel: row.channel, channelId: message?.channel_id ?? row.channel_id, data });
    }
    await this.suppress(tx, rows);
  }

  /**
   * Each event's message: the one it names already, else by our Message-ID
   * header first (we set it), then the provider's id, anywhere in the account
   * (one ESP webhook may serve several channels). Read only: applyStored writes it.
   */
  private async match(tx: EntityManager, ids: string[]): Promise<MatchedEvent[]> {
    return (await tx.query(
      `SELECT e.id, e.kind, e.occurred_at, e.reason, COALESCE(e.message_id, (
           SELECT m.id FROM messages m
            WHERE m.account_id = e.account_id
              AND (m.message_id_header = e.message_id_header OR m.provider_message_id = e.provider_message_id)
            ORDER BY (m.message_id_header = e.message_id_header) DESC NULLS LAST LIMIT 1)) AS message_id
         FROM message_provider_events e WHERE e.id = ANY($1::uuid[])`,
      [ids],
    )) as MatchedEvent[];
  }

  /**
   * Each matched message moves to the highest-ranked status its new events
   * name, if that is ahead of where it is; the history gains one entry per
   * status passed, in rank order. Rows are locked in id order so two
   * workers applying events of the same messages wait rather than deadlock.
   */
  private async advance(tx: EntityManager, matches: MatchedEvent[]): Promise<void> {
    const matched = matches.filter((match) => match.message_id !== null);
    if (matched.length === 0) return;
    await tx.query(
      `WITH ev AS (
         SELECT DISTINCT ON (e.message_id, e.kind) e.message_id, e.kind AS status, e.occurred_at, e.reason, ${STATUS_RANK_SQL('e.kind')} AS rank
           FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[]) AS e(message_id, kind, occurred_at, reason)
          WHERE e.kind IN ${STATUS_KINDS}
          ORDER BY e.message_id, e.kind, e.occurred_at
       ), cur AS (
         SELECT m.id, ${STATUS_RANK_SQL('m.status')} AS rank FROM messages m
          WHERE m.id IN (SELECT message_id FROM ev) ORDER BY m.id FOR UPDATE
       ), steps AS (
         SELECT ev.message_id,
                jsonb_agg(jsonb_build_object('status', ev.status, 'at', to_char(ev.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'detail', ev.reason)
                          ORDER BY ev.rank, ev.occurred_at) AS history,
                (array_agg(ev.status ORDER BY ev.rank DESC, ev.occurred_at DESC))[1] AS status
           FROM ev JOIN cur ON cur.id = ev.message_id
          WHERE ev.rank > cur.rank
          GROUP BY ev.message_id
       )
       UPDATE messages m SET status = steps.status, status_history = m.status_history || steps.history, updated_at = now()
         FROM steps WHERE m.id = steps.message_id`,
      [matched.map((match) => match.message_id), matched.map((match) => match.kind), matched.map((match) => match.occurred_at), matched.map((match) => match.reason)],
    );
  }

  /** Hard bounces and complaints: the address is undeliverable. Unsubscribes: the contact leaves every group. */
  private async suppress(tx: EntityManager, rows: MessageProviderEvent[]): Promise<void> {
    const undeliverable = new Map<string, string[]>();
    const unsubscribed = new Map<string, string[]>();
    for (const row of rows) {
      if (row.channel !== 'email' || !row.recipient) continue;
      const hard = (row.kind === 'bounced' && row.bounce_type === 'hard') || row.kind === 'complained';
      const target = hard ? undeliverable : row.kind === 'unsubscribed' ? unsubscribed : null;
      if (target) target.set(row.account_id, [...(target.get(row.account_id) ?? []), row.recipient]);
    }
    for (const [accountId, emails] of undeliverable) await this.suppressions.markUndeliverable(tx, accountId, emails);
    for (const [accountId, emails] of unsubscribed) {
      for (const contactId of await this.suppressions.contactIdsByEmail(tx, accountId, emails)) {
        await this.groups.unsubscribe(tx, accountId, contactId, 'all', 'provider');
      }
    }
  }
}

/** A message row read as JSON (to_jsonb): its dates back to Date. */
function revive(message: Message): Message {
  for (const key of ['created_at', 'updated_at', 'next_attempt_at', 'locked_until', 'sent_at'] as const) {
    const value = message[key] as unknown;
    if (typeof value === 'string') (message as unknown as Record<string, unknown>)[key] = new Date(value);
  }
  return message;
}
