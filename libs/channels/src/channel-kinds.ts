/** The kinds of sending identity an account can have (the events module reads `channels.type`). */
export const CHANNEL_TYPES = ['email', 'whatsapp', 'sms'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** Whose delivery webhooks an email channel receives; mail itself always goes out over SMTP. */
export const EMAIL_PROVIDERS = ['smtp', 'mailgun', 'ses', 'sendgrid', 'postmark'] as const;
export type EmailProvider = (typeof EMAIL_PROVIDERS)[number];

/** What the WhatsApp node service reports about a session. */
export const SESSION_STATUSES = ['connected', 'disconnected', 'qr'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export function isChannelType(value: unknown): value is ChannelType {
  return typeof value === 'string' && (CHANNEL_TYPES as readonly string[]).includes(value);
}
