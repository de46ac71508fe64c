import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventPublisher } from '@hub/events';
import { Message } from '../messages/message.entity';
import { publishMessageEvent, statusChange } from '../messages/message-events';

/** A message the WhatsApp node service reports: received from a contact, or sent from the phone itself. */
export interface ReportedMessageInput {
  accountId: string;
  channelId: string;
  contactId: string;
  /** The contact's E.164 phone. */
  contactPhone: string;
  /** The channel's own E.164 phone, when the node reported it. */
  channelPhone: string | null;
  /** The caption for media; '' for media without one. */
  body: string;
  mediaType: string | null;
  /** WhatsApp's message id: one message per channel and id. */
  providerMessageId: string;
  occurredAt: Date;
}

const INSERT_COLUMNS = `account_id, channel_id, channel, contact_id, direction, "to", "from", subject, body, media_type, status, status_history,
                        provider_message_id, source, attempt_count, sent_at`;

/**
 * Messages the node service reports, stored by this lib (it owns `messages`)
 * in the caller's transaction with their event: an inbound message with
 * message.received, one sent from the phone (not through the hub) as an
 * outbound `sent` message with message.sent. Each is stored once per channel
 * and WhatsApp id (a unique index), so a node repeating itself changes
 * nothing: the methods then answer null and publish nothing.
 */
@Injectable()
export class ReportedMessages {
  constructor(private readonly events: EventPublisher) {}

  async recordReceived(tx: EntityManager, input: ReportedMessageInput): Promise<Message | null> {
    const message = await this.insert(tx, input, 'inbound');
    if (!message) return null;
    await this.events.publish(tx, {
      accountId: input.accountId,
      type: 'message.received',
      channel: 'whatsapp',
      channelId: input.channelId,
      data: {
        message_id: message.id,
        channel: 'whatsapp',
        channel_id: input.channelId,
        contact_id: input.contactId,
        from: input.contactPhone,
        text: input.body === '' && input.mediaType ? null : input.body,
        media_type: input.mediaType,
        provider_message_id: input.providerMessageId,
        received_at: input.occurredAt.toISOString(),
      },
    });
    return message;
  }

  /**
   * A new contact's earlier WhatsApp messages (sent to its phone before it
   * was a contact) join its conversation. Called only when the contact was
   * just created, so the scan is rare.
   */
  async linkEarlierMessages(tx: EntityManager, accountId: string, contactId: string, phone: string): Promise<void> {
    await tx.query(`UPDATE messages SET contact_id = $2 WHERE account_id = $1 AND contact_id IS NULL AND channel = 'whatsapp' AND "to" = $3`, [accountId, contactId, phone]);
  }

  /** Whether a message of the channel has this WhatsApp id (the hub records it once the node answered the send). */
  async knows(tx: EntityManager, channelId: string, providerMessageId: string): Promise<boolean> {
    const rows = (await tx.query(`SELECT 1 FROM messages WHERE channel_id = $1 AND provider_message_id = $2 LIMIT 1`, [channelId, providerMessageId])) as unknown[];
    return rows.length > 0;
  }

  /** A message sent from the phone. One the hub sent itself (its id already on a message of the channel) is not stored twice. */
  async recordSentFromPhone(tx: EntityManager, input: ReportedMessageInput): Promise<Message | null> {
    if (await this.knows(tx, input.channelId, input.providerMessageId)) return null;
    const message = await this.insert(tx, input, 'outbound');
    if (message) await publishMessageEvent(this.events, tx, 'message.sent', message, input.occurredAt);
    return message;
  }

  private async insert(tx: EntityManager, input: ReportedMessageInput, direction: 'inbound' | 'outbound'): Promise<Message | null> {
    const inbound = direction === 'inbound';
    // A received message has reached us: `delivered` is the furthest it goes (no send, no read receipt of ours).
    const status = inbound ? 'delivered' : 'sent';
    // An INSERT … RETURNING answers its rows (no count); ON CONFLICT (the unique index messages_reported_provider_id_key) answers none.
    const rows = (await tx.query(
      `INSERT INTO messages (${INSERT_COLUMNS})
       VALUES ($1, $2, 'whatsapp', $3, $4, $5, $6, NULL, $7, $8, $9, $10::jsonb, $11, 'node', 0, $12)
       ON CONFLICT (channel_id, provider_message_id) WHERE source = 'node' DO NOTHING
       RETURNING *`,
      [
        input.accountId,
        input.channelId,
        input.contactId,
        direction,
        inbound ? (input.channelPhone ?? '') : input.contactPhone,
        inbound ? input.contactPhone : input.channelPhone,
        input.body,
        input.mediaType,
        status,
        JSON.stringify([statusChange(status, input.occurredAt, inbound ? 'received' : 'sent from the phone')]),
        input.providerMessageId,
        inbound ? null : input.occurredAt,
      ],
    )) as Message[];
    return rows[0] ? tx.getRepository(Message).create(rows[0]) : null;
  }
}
