import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { type Channel, ChannelStore, WhatsappSessions } from '@hub/channels';
import { InvalidContactFieldError } from '@hub/contacts';
import { markInboundLogFailed } from '@hub/inbound-log';
import { afterFailedAttempt, leaseIsFree, takeLease } from '@hub/operations';
import { WhatsappEventProducer } from '../queues/whatsapp-event/whatsapp-event.producer';
import { WHATSAPP_EVENT_LEASE_SECONDS, WHATSAPP_EVENT_RETRY } from '../queues/whatsapp-event/whatsapp-event.queue';
import { NodeEventAppliers } from './node-event-appliers';
import { NodeEvent } from './node-event.entity';

const MAX_ERROR_LENGTH = 2000;

/** A failure that retrying cannot heal (the channel was deleted, the phone is unusable): the event fails now. */
class PermanentNodeEventError extends Error {}

/**
 * Applies stored node events, in the worker: claims them with a lease, then
 * applies them (NodeEventAppliers.applyAll: the received messages together,
 * the others in their order) and marks them applied,
 * guarded by the lease, so a duplicate job or a second worker applies
 * nothing twice. The events of one job share one transaction (one commit,
 * and each channel read once, rather than a transaction per event); when
 * that fails, each is applied alone, so one bad event does not hold back the
 * others. A failure is retried on WHATSAPP_EVENT_RETRY's schedule; what
 * cannot heal fails the event at once and shows on its inbound log row.
 */
@Injectable()
export class NodeEventRunner {
  private readonly logger = new Logger('WhatsappEvents');

  constructor(
    private readonly dataSource: DataSource,
    private readonly channels: ChannelStore,
    private readonly sessions: WhatsappSessions,
    private readonly appliers: NodeEventAppliers,
    private readonly producer: WhatsappEventProducer,
  ) {}

  async run(eventIds: string[]): Promise<void> {
    const events = await this.claim(eventIds);
    if (events.length === 0) return; // applied already, leased by another worker, or gone
    const channels = new Map<string, Channel | null>();
    for (const event of events) {
      if (!channels.has(event.channel_id)) channels.set(event.channel_id, await this.channels.find(event.account_id, event.channel_id));
    }
    const applicable = events.filter((event) => channels.get(event.channel_id));
    for (const event of events) if (!channels.get(event.channel_id)) await this.recordFailure(event, new PermanentNodeEventError('Its WhatsApp channel was deleted'));
    if (applicable.length > 1) {
      try {
        await this.dataSource.transaction(async (tx) => {
          await this.appliers.applyAll(tx, applicable, channels as Map<string, Channel>);
          await this.markApplied(tx, applicable);
        });
        await this.seen(applicable);
        return;
      } catch {
        // Which one failed is found below, where each gets its own try and its own failure record.
      }
    }
    for (const event of applicable) await this.runOne(event, channels.get(event.channel_id) as Channel);
  }

  private async runOne(event: NodeEvent, channel: Channel): Promise<void> {
    try {
      await this.dataSource.transaction(async (tx) => {
        await this.appliers.apply(tx, event, channel);
        await this.markApplied(tx, [event]);
      });
      await this.seen([event]);
    } catch (error) {
      await this.recordFailure(event, error as Error);
    }
  }

  /** Applied, if each is still this try's (pending, with the attempt count its claim set). */
  private async markApplied(tx: EntityManager, events: NodeEvent[]): Promise<void> {
    const [, updated] = (await tx.query(
      `UPDATE whatsapp_events e SET status = 'applied', applied_at = now(), locked_until = NULL, last_error = NULL, updated_at = now()
         FROM unnest($1::uuid[], $2::int[]) AS mine(id, attempt_count)
        WHERE e.id = mine.id AND e.status = 'pending' AND e.attempt_count = mine.attempt_count`,
      [events.map((event) => event.id), events.map((event) => event.attempt_count)],
    )) as [unknown, number];
    if (updated !== events.length) throw new Error('An event was taken over by another worker');
  }

  private async seen(events: NodeEvent[]): Promise<void> {
    for (const channelId of new Set(events.map((event) => event.channel_id))) await this.sessions.seen(channelId);
  }

  /** The events still pending and free, leased for this try, in the order the job names them (a request's events stay in order). */
  private async claim(eventIds: string[]): Promise<NodeEvent[]> {
    const [rows] = (await this.dataSource.query(
      `UPDATE whatsapp_events SET attempt_count = attempt_count + 1, ${takeLease('$2')}, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'pending' AND ${leaseIsFree()} RETURNING *`,
      [eventIds, WHATSAPP_EVENT_LEASE_SECONDS],
    )) as [NodeEvent[], number];
    const repository = this.dataSource.getRepository(NodeEvent);
    const byId = new Map(rows.map((row) => [row.id, repository.create(row)]));
    return eventIds.flatMap((id) => byId.get(id) ?? []);
  }

  private async recordFailure(event: NodeEvent, error: Error): Promise<void> {
    const permanent = error instanceof PermanentNodeEventError || error instanceof InvalidContactFieldError;
    const message = error.message.slice(0, MAX_ERROR_LENGTH);
    const next = afterFailedAttempt(WHATSAPP_EVENT_RETRY, event.attempt_count, { permanent });
    try {
      if (next.kind === 'retry') {
        await this.dataSource.query(
          `UPDATE whatsapp_events SET next_attempt_at = now() + make_interval(secs => $2::float / 1000), locked_until = NULL, last_error = $3, updated_at = now()
            WHERE id = $1 AND status = 'pending'`,
          [event.id, next.delayMs, message],
        );
        this.logger.warn(`WhatsApp event ${event.id} (${event.event}) not applied (try ${event.attempt_count}): ${message}; retrying in ${Math.round(next.delayMs / 1000)} s`);
        await this.producer.enqueue([{ id: event.id, attempt_count: event.attempt_count, delayMs: next.delayMs }]);
        return;
      }
      await this.dataSource.transaction(async (tx) => {
        await tx.query(`UPDATE whatsapp_events SET status = 'failed', locked_until = NULL, last_error = $2, updated_at = now() WHERE id = $1 AND status = 'pending'`, [event.id, message]);
        if (event.inbound_log_id) await markInboundLogFailed(tx, event.inbound_log_id, `${event.event}: ${message}`);
      });
      this.logger.warn(`WhatsApp event ${event.id} (${event.event}) failed: ${message}`);
    } catch (failure) {
      // Still pending with its lease running out: the sweeper brings it back.
      this.logger.warn(`Could not record the failure of WhatsApp event ${event.id}: ${(failure as Error).message}`);
    }
  }
}
