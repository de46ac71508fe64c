import type { Message } from '../messages/message.entity';
import { messageEventData } from '../messages/message-events';
import type { MessageProviderEvent } from './provider-event.entity';
import type { ProviderEventKind } from './provider-event-report';

/** The `message.*` event a provider event becomes; none for `deferred` (the provider is still trying: nothing happened yet). */
export function providerEventType(kind: ProviderEventKind): string | null {
  return kind === 'deferred' ? null : `message.${kind}`;
}

/**
 * The event's data: the catalog's message fields for our message as it now
 * is (or, for a message we do not know, the recipient and the provider's
 * id with `message_id` and `status` null), plus who reported it and why.
 * Null when there is nothing to say it about (no message, no recipient).
 */
export function providerEventData(event: MessageProviderEvent, message: Message | null): Record<string, unknown> | null {
  const extra: Record<string, unknown> = { provider: event.provider };
  if (event.reason !== null || event.kind === 'bounced' || event.kind === 'complained') extra.reason = event.reason;
  if (event.kind === 'clicked') extra.url = event.url ?? '';
  if (event.kind === 'bounced') extra.bounce_type = event.bounce_type ?? 'hard';
  if (event.kind === 'failed') extra.error = event.reason ?? `${event.provider} reported the message as failed`;
  if (event.kind === 'bounced' && event.reason === null) extra.reason = `${event.provider} reported a ${event.bounce_type ?? 'hard'} bounce`;
  if (message) return messageEventData(message, event.occurred_at, extra);
  if (!event.recipient) return null;
  return {
    message_id: null,
    channel: event.channel,
    channel_id: event.channel_id,
    contact_id: null,
    to: event.recipient,
    provider_message_id: event.provider_message_id ?? event.message_id_header,
    status: null,
    occurred_at: event.occurred_at.toISOString(),
    ...extra,
  };
}
