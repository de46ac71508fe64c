import type { MessageProviderEvent } from '../provider-events/provider-event.entity';
import { MessageDto, MessageSummaryDto, ProviderEventDto } from './dto/message.dto';
import { Message } from './message.entity';

const PREVIEW_LENGTH = 300;
const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toMessageSummary(message: Message): MessageSummaryDto {
  return {
    id: message.id,
    channel: message.channel,
    channel_id: message.channel_id,
    contact_id: message.contact_id,
    direction: message.direction,
    to: message.to,
    from: message.from,
    media_type: message.media_type,
    subject: message.subject,
    preview: message.body.slice(0, PREVIEW_LENGTH),
    status: message.status,
    error: message.error,
    message_id_header: message.message_id_header,
    provider_message_id: message.provider_message_id,
    source: message.source,
    workflow_run_id: message.workflow_run_id,
    attempt_count: message.attempt_count,
    sent_at: iso(message.sent_at),
    created_at: message.created_at.toISOString(),
    updated_at: message.updated_at.toISOString(),
  };
}

export function toProviderEventDto(event: MessageProviderEvent): ProviderEventDto {
  return {
    id: event.id,
    kind: event.kind,
    provider: event.provider,
    occurred_at: event.occurred_at.toISOString(),
    received_at: event.created_at.toISOString(),
    recipient: event.recipient,
    reason: event.reason,
    url: event.url,
    bounce_type: event.bounce_type,
  };
}

export function toMessageDto(message: Message, providerEvents: MessageProviderEvent[] = []): MessageDto {
  return {
    ...toMessageSummary(message),
    body: message.body,
    status_history: message.status_history,
    next_attempt_at: message.status === 'queued' ? message.next_attempt_at.toISOString() : null,
    provider_events: providerEvents.map(toProviderEventDto),
  };
}
