import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChannelStore, WhatsappSessions } from '@hub/channels';
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
 * Applies one stored node event, in the worker: claims it with a lease, then
 * in one transaction applies it (NodeEventAppliers) and marks it applied,
 * guarded by the lease, so a duplicate job or a second worker applies
 * nothing twice. A failure is retried on WHATSAPP_EVENT_RETRY's schedule;
 * what cannot heal fails the event at once and shows on its inbound log row.
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

  async run(eventId: string): Promise<void> {
    const event = await this.claim(eventId);
    if (!event) return; // applied already, leased by another worker, or gone
    try {
      const channel = await this.channels.find(event.account_id, event.channel_id);
      if (!channel) throw new PermanentNodeEventError('Its WhatsApp channel was deleted');
      await this.dataSource.transaction(async (tx) => {
        await this.appliers.apply(tx, event, channel);
        const [, updated] = (await tx.query(
          `UPDATE whatsapp_events SET status = 'applied', applied_at = now(), locked_until = NULL, last_error = NULL, updated_at = now()
            WHERE id = $1 AND status = 'pending' AND attempt_count = $2`,
          [event.id, event.attempt_count],
        )) as [unknown, number];
        if (updated !== 1) throw new Error('The event was taken over by another worker');
      });
      await this.sessions.seen(channel.id);
    } catch (error) {
      await this.recordFailure(event, error as Error);
    }
  }

  private async claim(eventId: string): Promise<NodeEvent | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE whatsapp_events SET attempt_count = attempt_count + 1, ${takeLease('$2')}, updated_at = now()
        WHERE id = $1 AND status = 'pending' AND ${leaseIsFree()} RETURNING *`,
      [eventId, WHATSAPP_EVENT_LEASE_SECONDS],
    )) as [NodeEvent[], number];
    return rows[0] ? this.dataSource.getRepository(NodeEvent).create(rows[0]) : null;
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
