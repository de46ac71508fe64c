import type { MessageChannel, MessageStatus } from '../messages/message.entity';

/** What a provider can say about one message (ESP webhooks, the WhatsApp node service's status updates). */
export const PROVIDER_EVENT_KINDS = ['sent', 'delivered', 'opened', 'clicked', 'bounced', 'complained', 'unsubscribed', 'failed', 'deferred', 'deleted'] as const;
export type ProviderEventKind = (typeof PROVIDER_EVENT_KINDS)[number];

/**
 * One provider event about one of our messages, as its inbound route read
 * it. Stored once per (channel, providerEventId): a provider's retry of the
 * same event is a no-op.
 */
export interface ProviderEventReport {
  accountId: string;
  /** The channel whose webhook URL received it (matching looks at the whole account: one ESP webhook may serve several channels). */
  channelId: string;
  channel: MessageChannel;
  /** `mailgun`, `ses`, `sendgrid`, `postmark`, `whatsapp_node`. */
  provider: string;
  /** The provider's id of this event (SendGrid sg_event_id, SNS MessageId, …): the dedupe key within the channel. */
  providerEventId: string;
  kind: ProviderEventKind;
  /** The provider's id of the message (ESP id, WhatsApp message id). */
  providerMessageId: string | null;
  /** Our Message-ID header with its angle brackets, when the provider echoes it. */
  messageIdHeader: string | null;
  recipient: string | null;
  occurredAt: Date;
  reason?: string | null;
  url?: string | null;
  bounce?: 'hard' | 'soft' | null;
  /** A value that may be used once per channel (Mailgun's signature token): a second request carrying it is ignored. */
  onceToken?: string | null;
  /** The inbound log row of the request that carried it. */
  inboundLogId?: string | null;
}

/** The message status a kind moves to, or null when it leaves the status as it is. */
export function statusOfKind(kind: ProviderEventKind): MessageStatus | null {
  switch (kind) {
    case 'sent':
    case 'delivered':
    case 'opened':
    case 'clicked':
    case 'bounced':
    case 'complained':
    case 'failed':
      return kind;
    default:
      return null;
  }
}

/**
 * A message's status only moves forward: an `opened` arriving after
 * `clicked` (providers do not keep order) does not undo it, and a late
 * `delivered` does not hide a bounce. Bounced and failed are one step (both
 * final for delivery); a complaint outranks everything.
 */
export const STATUS_RANK_SQL = (column: string): string =>
  `(CASE ${column} WHEN 'queued' THEN 0 WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'opened' THEN 3 WHEN 'clicked' THEN 4
     WHEN 'bounced' THEN 5 WHEN 'failed' THEN 5 WHEN 'complained' THEN 6 ELSE 0 END)`;
