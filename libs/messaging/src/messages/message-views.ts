import { MessageDto, MessageSummaryDto } from './dto/message.dto';
import { Message } from './message.entity';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toMessageSummary(message: Message): MessageSummaryDto {
  return {
    id: message.id,
    channel: message.channel,
    channel_id: message.channel_id,
    contact_id: message.contact_id,
    to: message.to,
    subject: message.subject,
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

export function toMessageDto(message: Message): MessageDto {
  return {
    ...toMessageSummary(message),
    body: message.body,
    status_history: message.status_history,
    next_attempt_at: message.status === 'queued' ? message.next_attempt_at.toISOString() : null,
  };
}
