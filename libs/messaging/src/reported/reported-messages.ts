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
    return (await this.recordReceivedMany(tx, [input]))[0];
  }

  /**
   * Received messages stored by one statement, each with its
   * message.received; answers one entry per input, in order (null for an id
   * the channel already has, or a repeat of an earlier input).
   */
  async recordReceivedMany(tx: EntityManager, inputs: ReportedMessageInput[]): Promise<(Message | null)[]> {
    const stored = await this.insert(tx, inputs, 'inbound');
    for (const [index, message] of stored.entries()) {
      if (!message) continue;
      const input = inputs[index];
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
    }
    return stored;
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
    const [message] = await this.insert(tx, [input], 'outbound');
    if (message) await publishMessageEvent(this.events, tx, 'message.sent', message, input.occurredAt);
    return message;
  }

  /** One INSERT for all; the rows it stored, matched back to their inputs by channel and WhatsApp id (RETURNING's order is not promised). */
  private async insert(tx: EntityManager, inputs: ReportedMessageInput[], direction: 'inbound' | 'outbound'): Promise<(Message | null)[]> {
    if (inputs.length === 0) return [];
    const inbound = direction === 'inbound';
    // A received message has reached us: `delivered` is the furthest it goes (no send, no read receipt of ours).
    const status = inbound ? 'delivered' : 'sent';
    const rows = inputs.map((input) => ({
      account_id: input.accountId,
      channel_id: input.channelId,
      contact_id: input.contactId,
      to: inbound ? (input.channelPhone ?? '') : input.contactPhone,
      from: inbound ? input.contactPhone : input.channelPhone,
      body: input.body,
      media_type: input.mediaType,
      status_history: [statusChange(status, input.occurredAt, inbound ? 'received' : 'sent from the phone')],
      provider_message_id: input.providerMessageId,
      sent_at: inbound ? null : input.occurredAt.toISOString(),
    }));
    // ON CONFLICT (the unique index messages_reported_provider_id_key) stores nothing for an id the channel has; a
    // repeat within the statement would make PostgreSQL refuse it, so only the first of each id is sent.
    const firsts = new Map<string, number>();
    rows.forEach((row, index) => firsts.has(`${row.channel_id}/${row.provider_message_id}`) || firsts.set(`${row.channel_id}/${row.provider_message_id}`, index));
    const inserted = (await tx.query(
      `INSERT INTO messages (${INSERT_COLUMNS})
       SELECT account_id, channel_id, 'whatsapp', contact_id, $2, "to", "from", NULL, body, media_type, $3, status_history, provider_message_id, 'node', 0, sent_at
         FROM jsonb_to_recordset($1::jsonb) AS i(account_id uuid, channel_id uuid, contact_id uuid, "to" text, "from" text, body text, media_type text,
                                                  status_history jsonb, provider_message_id text, sent_at timestamptz)
       ON CONFLICT (channel_id, provider_message_id) WHERE source = 'node' DO NOTHING
       RETURNING *`,
      [JSON.stringify([...firsts.values()].map((index) => rows[index])), direction, status],
    )) as Message[];
    const repository = tx.getRepository(Message);
    const byId = new Map(inserted.map((row) => [`${row.channel_id}/${row.provider_message_id}`, repository.create(row)]));
    return rows.map((row, index) => (firsts.get(`${row.channel_id}/${row.provider_message_id}`) === index ? (byId.get(`${row.channel_id}/${row.provider_message_id}`) ?? null) : null));
  }
}
