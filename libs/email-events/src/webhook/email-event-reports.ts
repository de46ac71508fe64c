import type { EmailWebhookKeys } from '@hub/channels';
import type { ProviderEventReport } from '@hub/messaging';
import type { EmailEvent } from '../normalise/email-event';

export type EmailProviderName = 'mailgun' | 'ses' | 'sendgrid' | 'postmark';
export type EmailEventReport = Omit<ProviderEventReport, 'inboundLogId'>;

/** The channel's normalised events as provider event reports; `onceToken` (Mailgun's signature token) goes on the first. */
export function reportsOf(keys: EmailWebhookKeys, provider: EmailProviderName, events: EmailEvent[], onceToken: string | null = null): EmailEventReport[] {
  return events.map((event, index) => ({
    accountId: keys.accountId,
    channelId: keys.channelId,
    channel: 'email',
    provider,
    providerEventId: event.dedupeKey,
    kind: event.kind,
    providerMessageId: event.providerMessageId,
    // Stored as we set it, with its angle brackets.
    messageIdHeader: event.messageIdHeader ? `<${event.messageIdHeader}>` : null,
    recipient: event.recipient,
    occurredAt: event.occurredAt,
    reason: event.reason,
    url: event.url,
    bounce: event.bounce,
    onceToken: index === 0 ? onceToken : null,
  }));
}
