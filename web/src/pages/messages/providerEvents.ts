import type { ProviderEvent, ProviderEventKind } from '../../api/types';

/** Each kind in words, with the badge tone the message statuses use. */
export const KIND_LOOK: Record<ProviderEventKind, { tone: string; label: string }> = {
  sent: { tone: 'neutral', label: 'Sent' },
  delivered: { tone: 'ok', label: 'Delivered' },
  opened: { tone: 'ok', label: 'Opened' },
  clicked: { tone: 'ok', label: 'Clicked' },
  bounced: { tone: 'danger', label: 'Bounced' },
  complained: { tone: 'danger', label: 'Marked as spam' },
  unsubscribed: { tone: 'warn', label: 'Unsubscribed' },
  failed: { tone: 'danger', label: 'Failed' },
  deferred: { tone: 'warn', label: 'Deferred (retrying)' },
  deleted: { tone: 'neutral', label: 'Deleted' },
};

const PROVIDER_NAMES: Record<string, string> = {
  mailgun: 'Mailgun',
  ses: 'Amazon SES',
  sendgrid: 'SendGrid',
  postmark: 'Postmark',
  whatsapp_node: 'WhatsApp node',
};

/** The provider in words; one the app does not know shows as the API names it. */
export function providerName(provider: string): string {
  return PROVIDER_NAMES[provider] ?? provider;
}

/** What the event says beyond its kind, one line each: the bounce type, the reason, the link clicked. */
export function eventDetails(event: ProviderEvent): string[] {
  const lines: string[] = [];
  if (event.bounce_type) lines.push(event.bounce_type === 'hard' ? 'Hard bounce: the address does not accept mail' : 'Soft bounce: a temporary refusal');
  if (event.reason) lines.push(event.reason);
  if (event.url) lines.push(`Link: ${event.url}`);
  return lines;
}
