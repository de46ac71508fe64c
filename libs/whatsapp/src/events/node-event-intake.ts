import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { RoundTripBatcher } from '@hub/database';
import { type InboundLog, InboundLogService, InboundLogSql } from '@hub/inbound-log';
import { WhatsappEventProducer } from '../queues/whatsapp-event/whatsapp-event.producer';
import type { NodeEventName, ReadEvent } from './node-event-reader';
import type { KnownSession } from './session-lookup';

interface Intake {
  log: InboundLog;
  session: KnownSession;
  event: NodeEventName;
  items: ReadEvent[];
}

/** What became of a request's items: stored now, or stored before (a repeat, counted on the stored event). */
export interface IntakeResult {
  added: number;
  duplicates: number;
}

/**
 * Stores a node request: its inbound log row and its events in one
 * statement, before the node is answered. Requests arriving in the same
 * event-loop turn share that statement (group commit, as the lead and
 * trigger routes do). An event already stored for its channel (the same
 * message id, or the same status of it) is only counted (`repeats`); a
 * request that brought only such events is logged as a duplicate. The ids
 * added go on the queue without the answer waiting for Redis.
 */
@Injectable()
export class NodeEventIntake {
  private readonly batcher = new RoundTripBatcher<Intake, IntakeResult>((items) => this.storeMany(items));

  constructor(
    private readonly dataSource: DataSource,
    private readonly inbound: InboundLogService,
    private readonly producer: WhatsappEventProducer,
  ) {}

  async store(request: FastifyRequest, session: KnownSession, event: NodeEventName, items: ReadEvent[]): Promise<IntakeResult> {
    const log = this.inbound.prepare(request, 200);
    const result = await this.batcher.submit({ log, session, event, items });
    this.inbound.recorded(request, log);
    return result;
  }

  private async storeMany(intakes: Intake[]): Promise<IntakeResult[]> {
    // One row per (channel, dedupe key): PostgreSQL refuses to update a row twice in one statement, so a repeat within the batch is counted on its first copy.
    const byKey = new Map<string, Record<string, unknown> & { repeats: number }>();
    const rows: Record<string, unknown>[] = [];
    for (const intake of intakes) {
      for (const item of intake.items) {
        const row = {
          account_id: intake.session.accountId,
          channel_id: intake.session.channelId,
          event: intake.event,
          kind: item.kind,
          dedupe_key: item.dedupe_key,
          data: item.data,
          inbound_log_id: intake.log.id,
          repeats: 0,
        };
        if (item.dedupe_key === null) {
          rows.push(row);
          continue;
        }
        const key = `${intake.session.channelId}/${item.dedupe_key}`;
        const first = byKey.get(key);
        if (first) first.repeats++;
        else byKey.set(key, row);
      }
    }
    rows.push(...byKey.values());
    const stored = (await this.dataSource.query(
      `WITH log AS (${InboundLogSql.insertMany('$1')})
       INSERT INTO whatsapp_events (account_id, channel_id, event, kind, dedupe_key, data, inbound_log_id, repeats)
       SELECT account_id, channel_id, event, kind, dedupe_key, data, inbound_log_id, repeats
         FROM jsonb_to_recordset($2::jsonb) AS x(account_id uuid, channel_id uuid, event text, kind text, dedupe_key text, data jsonb, inbound_log_id uuid, repeats int)
       ON CONFLICT (channel_id, dedupe_key) WHERE dedupe_key IS NOT NULL
         DO UPDATE SET repeats = whatsapp_events.repeats + 1 + EXCLUDED.repeats, updated_at = now()
       RETURNING id, inbound_log_id, (xmax = 0) AS inserted`,
      [InboundLogSql.rowsJson(intakes.map((intake) => intake.log)), JSON.stringify(rows)],
    )) as { id: string; inbound_log_id: string; inserted: boolean }[];
    // xmax is 0 on a row this statement inserted; a repeat only counted itself on the stored event.
    const added = new Map<string, string[]>();
    for (const row of stored) if (row.inserted) added.set(row.inbound_log_id, [...(added.get(row.inbound_log_id) ?? []), row.id]);
    for (const intake of intakes) {
      if (intake.items.length > 0 && !added.has(intake.log.id)) await this.dataSource.query(InboundLogSql.markDuplicate('$1'), [intake.log.id]);
    }
    // Stored: the answers do not wait for Redis (an event whose job never gets there is enqueued by the sweeper).
    void this.producer.enqueue([...added.values()].flat().map((id) => ({ id, attempt_count: 0 })));
    return intakes.map((intake) => {
      const count = added.get(intake.log.id)?.length ?? 0;
      return { added: count, duplicates: intake.items.length - count };
    });
  }
}
