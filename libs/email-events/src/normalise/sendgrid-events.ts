import { bareMessageId, EmailEvent, eventTime, record, text } from './email-event';

/**
 * One SendGrid event in the hub's words; null for what changes nothing
 * (`processed`, resubscribes). SendGrid's `bounce` type `blocked` is soft.
 */
export function normaliseSendgrid(item: unknown): EmailEvent | null {
  const data = record(item);
  const sgMessageId = text(data.sg_message_id);
  const base = {
    bounce: null,
    recipient: text(data.email),
    messageIdHeader: bareMessageId(data['smtp-id']),
    // sg_message_id is the X-Message-Id SendGrid answered plus ".filter…": the part before the dot matches it.
    providerMessageId: sgMessageId ? sgMessageId.split('.')[0] : null,
    occurredAt: eventTime(data.timestamp),
    url: null,
    reason: text(data.reason) ?? text(data.response),
    dedupeKey: `sendgrid:${text(data.sg_event_id) ?? `${sgMessageId}:${text(data.event)}:${String(data.timestamp)}`}`,
  };
  switch (text(data.event)) {
    case 'delivered':
      return { ...base, kind: 'delivered' };
    case 'open':
      return { ...base, kind: 'opened' };
    case 'click':
      return { ...base, kind: 'clicked', url: text(data.url) };
    case 'bounce':
      return { ...base, kind: 'bounced', bounce: data.type === 'blocked' ? 'soft' : 'hard' };
    case 'dropped':
      return { ...base, kind: 'failed' };
    case 'deferred':
      return { ...base, kind: 'deferred' };
    case 'spamreport':
      return { ...base, kind: 'complained' };
    case 'unsubscribe':
    case 'group_unsubscribe':
      return { ...base, kind: 'unsubscribed' };
    default:
      return null;
  }
}
