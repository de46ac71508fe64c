import { bareMessageId, EmailEvent, eventTime, record, text } from './email-event';

/**
 * Mailgun's `event-data` in the hub's words; null for what changes nothing
 * (`accepted`, unknown events). `failed` is a hard bounce when permanent and
 * deferred when Mailgun is still retrying.
 */
export function normaliseMailgun(eventData: unknown, token: string): EmailEvent | null {
  const data = record(eventData);
  const event = text(data.event);
  const headers = record(record(data.message).headers);
  const status = record(data['delivery-status']);
  const base = {
    bounce: null,
    recipient: text(data.recipient),
    messageIdHeader: bareMessageId(headers['message-id']),
    providerMessageId: null,
    occurredAt: eventTime(data.timestamp),
    url: null,
    reason: text(data.reason) ?? text(status.description) ?? text(status.message),
    dedupeKey: `mailgun:${text(data.id) ?? token}`,
  };
  switch (event) {
    case 'delivered':
    case 'opened':
    case 'complained':
    case 'unsubscribed':
      return { ...base, kind: event };
    case 'clicked':
      return { ...base, kind: 'clicked', url: text(data.url) };
    case 'failed':
      return data.severity === 'temporary' ? { ...base, kind: 'deferred' } : { ...base, kind: 'bounced', bounce: 'hard' };
    default:
      return null;
  }
}
