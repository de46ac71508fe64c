import { EmailEvent, eventTime, record, text } from './email-event';

const HARD_BOUNCES = new Set(['HardBounce', 'BadEmailAddress', 'ManuallyDeactivated', 'Unknown', 'AddressChange']);

/** A Postmark webhook in the hub's words; null for record types that change nothing. */
export function normalisePostmark(body: unknown): EmailEvent | null {
  const data = record(body);
  const type = text(data.RecordType);
  const at = data.DeliveredAt ?? data.BouncedAt ?? data.ReceivedAt ?? data.ChangedAt;
  const recipient = text(data.Recipient) ?? text(data.Email);
  const base = {
    bounce: null,
    recipient,
    messageIdHeader: null,
    providerMessageId: text(data.MessageID),
    occurredAt: eventTime(at),
    url: null,
    reason: text(data.Description) ?? text(data.Details),
    dedupeKey: `postmark:${type}:${text(data.MessageID)}:${recipient}:${String(at)}`,
  };
  switch (type) {
    case 'Delivery':
      return { ...base, kind: 'delivered' };
    case 'Open':
      return { ...base, kind: 'opened' };
    case 'Click':
      return { ...base, kind: 'clicked', url: text(data.OriginalLink) };
    case 'SpamComplaint':
      return { ...base, kind: 'complained' };
    case 'Bounce': {
      const hard = data.TypeCode === 1 || HARD_BOUNCES.has(String(data.Type));
      if (data.Type === 'SpamNotification') return { ...base, kind: 'complained' };
      return { ...base, kind: 'bounced', bounce: hard ? 'hard' : 'soft' };
    }
    case 'SubscriptionChange':
      return data.SuppressSending === true ? { ...base, kind: 'unsubscribed' } : null;
    default:
      return null;
  }
}
