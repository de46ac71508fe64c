import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Channel } from '@hub/channels';
import { WhatsappSessions } from '@hub/channels';
import { BulkContactUpsert, ContactsService } from '@hub/contacts';
import { EventPublisher } from '@hub/events';
import { MessageProviderEvents, ProviderEventKind, ReportedMessageInput, ReportedMessages } from '@hub/messaging';
import { publishSessionUpdated } from '../sessions/session-events';
import type { CallData, ConnectionData, DeleteData, MessageData, StatusData } from './node-event-reader';
import { NodeEvent } from './node-event.entity';

/** The contact source of people who first wrote on WhatsApp. */
const CONTACT_SOURCE = { name: 'WhatsApp' };
const STATUS_KINDS: Record<StatusData['status'], ProviderEventKind> = { 1: 'sent', 2: 'delivered', 3: 'opened' };
const PROVIDER = 'whatsapp_node';
/** Tries during which a receipt waits for its message's id to be recorded (about 6 s: WHATSAPP_EVENT_RETRY's first delays). */
const WAIT_FOR_MESSAGE_TRIES = 3;

/**
 * A receipt arrived before the hub recorded the id of the message it is
 * about: the node answers the send, then reports on it, and the hub stores
 * the id it answered a moment later. Retried briefly rather than applied to
 * no message.
 */
export class MessageNotYetKnownError extends Error {}

/**
 * What each kind of node event does, inside the worker's transaction. Every
 * write goes through the lib that owns the table: contacts (the sender),
 * messaging (the message; status changes through the shared provider-event
 * applier, which keeps statuses monotonic), channels (the session).
 */
@Injectable()
export class NodeEventAppliers {
  constructor(
    private readonly contacts: ContactsService,
    private readonly bulkContacts: BulkContactUpsert,
    private readonly messages: ReportedMessages,
    private readonly providerEvents: MessageProviderEvents,
    private readonly sessions: WhatsappSessions,
    private readonly events: EventPublisher,
  ) {}

  /** Before applying several events in one transaction: their senders' contact locks, all at once (two batches then never deadlock). */
  private async lockContacts(tx: EntityManager, events: NodeEvent[]): Promise<void> {
    const senders = events.filter((event) => event.kind === 'message').map((event) => ({ accountId: event.account_id, input: { phone: (event.data as MessageData).phone } }));
    await this.contacts.lockIdentities(tx, senders);
  }

  async apply(tx: EntityManager, event: NodeEvent, channel: Channel): Promise<void> {
    switch (event.kind) {
      case 'message':
        return this.message(tx, event, channel, event.data as MessageData);
      case 'status':
        return this.status(tx, event, event.data as StatusData);
      case 'delete':
        return this.delete(tx, event, event.data as DeleteData);
      case 'connection':
        return this.connection(tx, channel, event.data as ConnectionData);
      case 'call':
        return this.call(tx, channel, event.data as CallData);
    }
  }

  /**
   * A job's events in one transaction: the messages received first, all
   * together (their senders by one bulk upsert, the messages by one INSERT),
   * then every other event in its order. Putting the received messages first
   * changes nothing the others depend on: receipts and deletions are about
   * messages the channel sent.
   */
  async applyAll(tx: EntityManager, events: NodeEvent[], channels: Map<string, Channel>): Promise<void> {
    const received = events.filter((event) => event.kind === 'message' && !(event.data as MessageData).from_me);
    // The bulk upsert locks the received messages' senders in one statement; a message from the phone locks its
    // contact later, one by one, so then every sender is locked here first, all at once (two jobs never deadlock).
    if (received.length < events.filter((event) => event.kind === 'message').length) await this.lockContacts(tx, events);
    if (received.length > 0) {
      const senders = await this.bulkContacts.upsertMany(
        tx,
        received.map((event) => ({ accountId: event.account_id, input: this.sender(event.data as MessageData), source: CONTACT_SOURCE })),
      );
      const inputs: ReportedMessageInput[] = [];
      for (const [index, event] of received.entries()) {
        const data = event.data as MessageData;
        const { contact, created } = senders[index];
        if (created) await this.messages.linkEarlierMessages(tx, event.account_id, contact.id, data.phone);
        inputs.push(this.reported(event, channels.get(event.channel_id) as Channel, contact.id, data));
      }
      await this.messages.recordReceivedMany(tx, inputs);
    }
    const rest = new Set(received);
    for (const event of events) if (!rest.has(event)) await this.apply(tx, event, channels.get(event.channel_id) as Channel);
  }

  /** Received: the sender becomes or updates a contact, the message is stored, message.received. From the phone: stored as sent. */
  private async message(tx: EntityManager, event: NodeEvent, channel: Channel, data: MessageData): Promise<void> {
    const { contact, created } = await this.contacts.upsertByIdentity(tx, event.account_id, this.sender(data), CONTACT_SOURCE);
    if (created) await this.messages.linkEarlierMessages(tx, event.account_id, contact.id, data.phone);
    const input = this.reported(event, channel, contact.id, data);
    if (data.from_me) await this.messages.recordSentFromPhone(tx, input);
    else await this.messages.recordReceived(tx, input);
  }

  /** The contact a message's other party is: its phone, and the name WhatsApp shows for it. */
  private sender(data: MessageData) {
    return { phone: data.phone, custom_fields: data.push_name ? { whatsapp_name: data.push_name } : undefined };
  }

  private reported(event: NodeEvent, channel: Channel, contactId: string, data: MessageData): ReportedMessageInput {
    return {
      accountId: event.account_id,
      channelId: channel.id,
      contactId,
      contactPhone: data.phone,
      channelPhone: channel.phone,
      body: data.text,
      mediaType: data.media_type,
      providerMessageId: data.id,
      occurredAt: new Date(data.at),
    };
  }

  /** Receipts of messages we sent (fromMe); those of messages we received say only that this phone read them, which nobody subscribes to. */
  private async status(tx: EntityManager, event: NodeEvent, data: StatusData): Promise<void> {
    if (!data.from_me) return;
    const known = await this.messages.knows(tx, event.channel_id, data.id);
    if (!known && event.attempt_count < WAIT_FOR_MESSAGE_TRIES) throw new MessageNotYetKnownError(`No message of the channel has WhatsApp id ${data.id} yet`);
    // A known id was recorded with the message already `sent` (when the node answered the send, or as sent from the
    // phone), and message.sent published then: status 1 would only publish it twice.
    if (known && data.status === 1) return;
    await this.providerEvents.apply(tx, [this.report(event, `${data.id}:${data.status}`, STATUS_KINDS[data.status], data.id, null, new Date(data.at))]);
  }

  private async delete(tx: EntityManager, event: NodeEvent, data: DeleteData): Promise<void> {
    await this.providerEvents.apply(tx, [this.report(event, `${data.id}:deleted`, 'deleted', data.id, data.phone, new Date(data.at))]);
  }

  /** open → connected, close → disconnected; `connecting` changes the status only when it brings a QR to scan. */
  private async connection(tx: EntityManager, channel: Channel, data: ConnectionData): Promise<void> {
    const status = data.state === 'open' ? 'connected' : data.state === 'close' ? 'disconnected' : data.qr ? 'qr' : null;
    if (!status) return;
    const reported = await this.sessions.report(tx, channel.id, { status, phone: data.phone, qr: data.qr });
    if (reported?.changed) await publishSessionUpdated(this.events, tx, reported.channel);
  }

  private async call(tx: EntityManager, channel: Channel, data: CallData): Promise<void> {
    await this.events.publish(tx, {
      accountId: channel.account_id,
      type: 'whatsapp.call',
      channel: 'whatsapp',
      channelId: channel.id,
      data: { channel_id: channel.id, session_id: channel.session_id, call_id: data.id, from: data.from, status: data.status },
    });
  }

  private report(event: NodeEvent, providerEventId: string, kind: ProviderEventKind, messageId: string, recipient: string | null, occurredAt: Date) {
    return {
      accountId: event.account_id,
      channelId: event.channel_id,
      channel: 'whatsapp' as const,
      provider: PROVIDER,
      providerEventId,
      kind,
      providerMessageId: messageId,
      messageIdHeader: null,
      recipient,
      occurredAt,
      inboundLogId: event.inbound_log_id,
    };
  }
}
