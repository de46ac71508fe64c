/** What an ESP reports about one email, in the hub's words (SPEC §4: delivered / opened / clicked / bounced (hard|soft) / complained / unsubscribed / failed / deferred). */
export type EmailEventKind = 'delivered' | 'opened' | 'clicked' | 'bounced' | 'complained' | 'unsubscribed' | 'failed' | 'deferred';

export interface EmailEvent {
  kind: EmailEventKind;
  /** For bounces: hard (the address is undeliverable) or soft. */
  bounce: 'hard' | 'soft' | null;
  recipient: string | null;
  /** Our Message-ID header, without angle brackets, when the ESP echoes it. */
  messageIdHeader: string | null;
  /** The ESP's own id of the message (SES mail.messageId, SendGrid sg_message_id, Postmark MessageID). */
  providerMessageId: string | null;
  occurredAt: Date;
  url: string | null;
  reason: string | null;
  /** One id per event as the ESP identifies it, so a retried webhook is applied once. */
  dedupeKey: string;
}

/** `<id@host>` or `id@host` → `id@host`. */
export function bareMessageId(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  return value.trim().replace(/^<(.*)>$/, '$1');
}

/** A date from seconds (number or numeric string) or an ISO string; now when absent or unreadable. */
export function eventTime(value: unknown): Date {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value))) return new Date(Number(value) * 1000);
  if (typeof value === 'string') {
    const parsed = new Date(value);
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  return new Date();
}

export const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
export const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
