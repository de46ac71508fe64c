import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ChannelStore } from '@hub/channels';
import type { Channel, ChannelType } from '@hub/channels';
import { AppConfig } from '@hub/config';
import { ContactQueries } from '@hub/contacts';
import type { Contact } from '@hub/contacts';
import { AfterCommit } from '@hub/database';
import { EventPublisher } from '@hub/events';
import { MessageProducer } from '../queues/message-send/message-send.producer';
import { fillUnsubscribeLink } from '../templates/unsubscribe-placeholder';
import { UnsubscribeLinks } from '../unsubscribe/unsubscribe-links';
import { Message, MessageSource } from './message.entity';
import { publishMessageEvent, statusChange } from './message-events';
import { normalizeRecipient, suppressionOf } from './recipient';

/**
 * Our Message-ID's right-hand side: the from-address's domain, as mail
 * software expects (a `localhost` one is penalised by spam filters) and as
 * ESPs echo it back in their events.
 */
function messageIdDomain(fromAddress: string | null): string | null {
  const domain = fromAddress?.split('@').pop()?.trim().toLowerCase();
  return domain && /^[a-z0-9.-]+$/.test(domain) ? domain : null;
}

export interface EnqueueMessageInput {
  accountId: string;
  channelId: string;
  to: string;
  subject?: string | null;
  /** Already rendered; a `{{ link_unsubscribe }}` left in an email body is filled with the contact's link. */
  body: string;
  /** The recipient contact; when absent it is looked up by `to` in the account. */
  contactId?: string | null;
  source: MessageSource;
  workflowRunId?: string | null;
}

/**
 * The one way to send a message (send API, workflow steps): stores it queued
 * in the caller's transaction and enqueues its send job once that commits. A
 * suppressed recipient (undeliverable address, unsubscribed from all) gets a
 * `failed` message and a message.failed event instead, and is never sent to.
 */
@Injectable()
export class MessageQueue {
  private readonly messageIdHost: string;

  constructor(
    private readonly channels: ChannelStore,
    private readonly contacts: ContactQueries,
    private readonly producer: MessageProducer,
    private readonly afterCommit: AfterCommit,
    private readonly events: EventPublisher,
    private readonly links: UnsubscribeLinks,
    config: AppConfig,
  ) {
    this.messageIdHost = new URL(config.publicUrl).hostname;
  }

  /** The account's channel, or 404 (also another account's). */
  channel(accountId: string, channelId: string, tx?: EntityManager): Promise<Channel> {
    return this.channels.get(accountId, channelId, tx);
  }

  /** The normalised recipient and the account's contact it belongs to (matched by email or phone), if any. */
  async recipient(accountId: string, channel: ChannelType, rawTo: string, tx?: EntityManager): Promise<{ to: string; contact: Contact | null }> {
    const to = normalizeRecipient(channel, rawTo);
    const contact = await this.contacts.findByAddress(accountId, channel === 'email' ? { email: to } : { phone: to }, tx);
    return { to, contact };
  }

  async enqueue(tx: EntityManager, input: EnqueueMessageInput): Promise<Message> {
    const channel = await this.channel(input.accountId, input.channelId, tx);
    const { to, contact } = input.contactId
      ? { to: normalizeRecipient(channel.type, input.to), contact: await this.contacts.get(input.accountId, input.contactId, tx) }
      : await this.recipient(input.accountId, channel.type, input.to, tx);
    const id = randomUUID();
    const email = channel.type === 'email';
    const body = email ? fillUnsubscribeLink(input.body, contact ? this.links.linkFor(input.accountId, contact.id) : null) : input.body;
    const suppressed = suppressionOf(channel.type, to, contact);
    const now = new Date();
    const repository = tx.getRepository(Message);
    const message = await repository.save(
      repository.create({
        id,
        account_id: input.accountId,
        channel_id: channel.id,
        channel: channel.type,
        contact_id: contact?.id ?? null,
        to,
        subject: email ? (input.subject ?? null) : null,
        body,
        status: suppressed ? 'failed' : 'queued',
        status_history: [suppressed ? statusChange('failed', now, suppressed) : statusChange('queued', now)],
        message_id_header: email ? `<${id}@${messageIdDomain(channel.from_address) ?? this.messageIdHost}>` : null,
        provider_message_id: null,
        error: suppressed,
        source: input.source,
        workflow_run_id: input.workflowRunId ?? null,
        attempt_count: 0,
        next_attempt_at: now,
        locked_until: null,
        sent_at: null,
      }),
    );
    if (suppressed) {
      await publishMessageEvent(this.events, tx, 'message.failed', message, now, { error: suppressed });
    } else {
      await this.afterCommit.run(tx, () => this.producer.send([{ id: message.id, attempt_count: 0 }]));
    }
    return message;
  }
}
