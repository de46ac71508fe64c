import { EntityManager } from 'typeorm';
import { EventPublisher } from '@hub/events';
import { Message, StatusChange } from './message.entity';

/** The catalog's `message.*` data (libs/events message.events.ts) for a message as it now is. */
export function messageEventData(message: Message, occurredAt: Date, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    message_id: message.id,
    channel: message.channel,
    channel_id: message.channel_id,
    contact_id: message.contact_id,
    to: message.to,
    // For email without an ESP id, our Message-ID is what ESP events refer to.
    provider_message_id: message.provider_message_id ?? message.message_id_header,
    status: message.status,
    occurred_at: occurredAt.toISOString(),
    ...extra,
  };
}

export function publishMessageEvent(
  events: EventPublisher,
  tx: EntityManager,
  type: 'message.sent' | 'message.failed',
  message: Message,
  occurredAt: Date,
  extra: Record<string, unknown> = {},
) {
  return events.publish(tx, {
    accountId: message.account_id,
    type,
    channel: message.channel,
    channelId: message.channel_id,
    data: messageEventData(message, occurredAt, extra),
  });
}

export function statusChange(status: StatusChange['status'], at: Date, detail: string | null = null): StatusChange {
  return { status, at: at.toISOString(), detail };
}
