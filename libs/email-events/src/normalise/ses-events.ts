import { bareMessageId, EmailEvent, eventTime, record, text } from './email-event';

/**
 * The SES notification inside an SNS message (`Message`, itself JSON) in the
 * hub's words, one event per recipient it names; empty for what changes
 * nothing (Send). Both notification types (`notificationType`) and
 * configuration-set event publishing (`eventType`) are read.
 */
export function normaliseSes(message: unknown, snsMessageId: string): EmailEvent[] {
  const data = record(message);
  const type = text(data.notificationType) ?? text(data.eventType);
  const mail = record(data.mail);
  const headers = Array.isArray(mail.headers) ? (mail.headers as { name?: unknown; value?: unknown }[]) : [];
  const header = headers.find((h) => typeof h.name === 'string' && h.name.toLowerCase() === 'message-id');
  const base = {
    bounce: null,
    messageIdHeader: bareMessageId(header?.value),
    providerMessageId: text(mail.messageId),
    url: null,
    reason: null,
  };
  const one = (kind: EmailEvent['kind'], detail: Record<string, unknown>, recipient: string | null, extra: Partial<EmailEvent> = {}): EmailEvent => ({
    ...base,
    kind,
    recipient,
    occurredAt: eventTime(detail.timestamp ?? mail.timestamp),
    dedupeKey: `ses:${snsMessageId}:${recipient ?? ''}`,
    ...extra,
  });
  const firstRecipient = Array.isArray(mail.destination) ? text(mail.destination[0]) : null;
  switch (type) {
    case 'Delivery': {
      const delivery = record(data.delivery);
      const recipients = Array.isArray(delivery.recipients) ? delivery.recipients.map(text) : [firstRecipient];
      return recipients.map((recipient) => one('delivered', delivery, recipient));
    }
    case 'Bounce': {
      const bounce = record(data.bounce);
      const hard = bounce.bounceType === 'Permanent';
      const bounced = Array.isArray(bounce.bouncedRecipients) ? (bounce.bouncedRecipients as unknown[]).map(record) : [];
      return bounced.map((r) => one('bounced', bounce, text(r.emailAddress), { bounce: hard ? 'hard' : 'soft', reason: text(r.diagnosticCode) }));
    }
    case 'Complaint': {
      const complaint = record(data.complaint);
      const complained = Array.isArray(complaint.complainedRecipients) ? (complaint.complainedRecipients as unknown[]).map(record) : [];
      return complained.map((r) => one('complained', complaint, text(r.emailAddress)));
    }
    case 'Open':
      return [one('opened', record(data.open), firstRecipient)];
    case 'Click': {
      const click = record(data.click);
      return [one('clicked', click, firstRecipient, { url: text(click.link) })];
    }
    case 'Reject':
    case 'Rendering Failure':
      return [one('failed', record(data.reject ?? data.failure), firstRecipient, { reason: text(record(data.reject).reason) ?? text(record(data.failure).errorMessage) })];
    case 'DeliveryDelay':
      return [one('deferred', record(data.deliveryDelay), firstRecipient, { reason: text(record(data.deliveryDelay).delayType) })];
    default:
      return [];
  }
}
