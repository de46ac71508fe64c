import { z } from 'zod';
import type { EmailChannel, EmailProvider, SmsChannel } from '../../api/types';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export const PROVIDERS: EmailProvider[] = ['smtp', 'mailgun', 'ses', 'sendgrid', 'postmark'];

export const PROVIDER_LABELS: Record<EmailProvider, string> = {
  smtp: 'None (plain SMTP)',
  mailgun: 'Mailgun',
  ses: 'Amazon SES',
  sendgrid: 'SendGrid',
  postmark: 'Postmark',
};

export interface EmailChannelValues {
  name: string;
  from_address: string;
  provider: EmailProvider;
  smtp_host: string;
  smtp_port: string;
  smtp_secure: boolean;
  smtp_user: string;
  /** Write-only: empty keeps what is stored. */
  smtp_pass: string;
  clear_smtp_pass: boolean;
  webhook_signing_key: string;
  clear_webhook_signing_key: boolean;
  sendgrid_public_key: string;
  basic_auth_user: string;
  basic_auth_pass: string;
  sns_topic_arn: string;
}

export function emailValues(channel?: EmailChannel): EmailChannelValues {
  return {
    name: channel?.name ?? '',
    from_address: channel?.from_address ?? '',
    provider: channel?.provider ?? 'smtp',
    smtp_host: channel?.smtp?.host ?? '',
    smtp_port: channel?.smtp ? String(channel.smtp.port) : '587',
    smtp_secure: channel?.smtp?.secure ?? false,
    smtp_user: channel?.smtp?.user ?? '',
    smtp_pass: '',
    clear_smtp_pass: false,
    webhook_signing_key: '',
    clear_webhook_signing_key: false,
    sendgrid_public_key: channel?.sendgrid_public_key ?? '',
    basic_auth_user: channel?.basic_auth?.user ?? '',
    basic_auth_pass: '',
    sns_topic_arn: channel?.sns_topic_arn ?? '',
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailChannelSchema(existing?: EmailChannel) {
  return z
    .object({
      name: z.string().trim().min(1, 'Give the channel a name').max(200, 'Names are at most 200 characters'),
      from_address: z.string().trim().regex(EMAIL, 'Enter the address mail is sent from, like hello@example.com'),
      provider: z.enum(['smtp', 'mailgun', 'ses', 'sendgrid', 'postmark']),
      smtp_host: z.string(),
      smtp_port: z.string(),
      smtp_secure: z.boolean(),
      smtp_user: z.string(),
      smtp_pass: z.string(),
      clear_smtp_pass: z.boolean(),
      webhook_signing_key: z.string(),
      clear_webhook_signing_key: z.boolean(),
      sendgrid_public_key: z.string(),
      basic_auth_user: z.string(),
      basic_auth_pass: z.string(),
      sns_topic_arn: z.string(),
    })
    .superRefine((v, ctx) => {
      const smtpTyped = v.smtp_host.trim() || v.smtp_user.trim() || v.smtp_pass;
      if (smtpTyped && !v.smtp_host.trim()) ctx.addIssue({ code: 'custom', path: ['smtp_host'], message: 'Enter the SMTP host, or clear the other SMTP fields' });
      if (smtpTyped) {
        const port = Number(v.smtp_port.trim());
        if (!/^\d+$/.test(v.smtp_port.trim()) || port < 1 || port > 65535) ctx.addIssue({ code: 'custom', path: ['smtp_port'], message: 'Enter a port from 1 to 65535 (usually 587 or 465)' });
      }
      if (v.provider === 'postmark' && v.basic_auth_user.trim() && !v.basic_auth_pass && !existing?.basic_auth?.has_password) {
        ctx.addIssue({ code: 'custom', path: ['basic_auth_pass'], message: 'Choose a password for the basic auth' });
      }
    });
}

type EmailCreate = Schemas['CreateEmailChannelDto'];
type EmailUpdate = Schemas['UpdateEmailChannelDto'];

/** The SMTP settings as typed (the password only when typed), or null when no host is given. Create and PATCH send the same. */
function smtpSettings(v: EmailChannelValues): NonNullable<EmailCreate['smtp']> | null {
  if (!v.smtp_host.trim()) return null;
  const smtp: NonNullable<EmailCreate['smtp']> = { host: v.smtp_host.trim(), port: Number(v.smtp_port.trim()), secure: v.smtp_secure, user: v.smtp_user.trim() || null };
  if (v.smtp_pass) smtp.pass = v.smtp_pass;
  return smtp;
}

/** The POST body: secrets only when typed, provider settings only for the chosen provider. */
export function toEmailCreate(v: EmailChannelValues): EmailCreate {
  const body: EmailCreate = { type: 'email', name: v.name.trim(), from_address: v.from_address.trim(), provider: v.provider };
  const smtp = smtpSettings(v);
  if (smtp) body.smtp = smtp;
  if (v.provider === 'mailgun' && v.webhook_signing_key.trim()) body.webhook_signing_key = v.webhook_signing_key.trim();
  if (v.provider === 'sendgrid' && v.sendgrid_public_key.trim()) body.sendgrid_public_key = v.sendgrid_public_key.trim();
  if (v.provider === 'postmark' && v.basic_auth_user.trim()) body.basic_auth = { user: v.basic_auth_user.trim(), pass: v.basic_auth_pass };
  if (v.provider === 'ses' && v.sns_topic_arn.trim()) body.sns_topic_arn = v.sns_topic_arn.trim();
  return body;
}

/**
 * The PATCH body. A write-only secret left empty is kept (omitted), "remove"
 * sends null; emptied SMTP settings remove them.
 */
export function toEmailUpdate(v: EmailChannelValues, existing: EmailChannel): EmailUpdate {
  const body: EmailUpdate = { name: v.name.trim(), from_address: v.from_address.trim(), provider: v.provider };
  const smtp = smtpSettings(v);
  if (smtp) {
    body.smtp = smtp;
    if (!v.smtp_pass && v.clear_smtp_pass) body.smtp.pass = null;
  } else if (existing.smtp) body.smtp = null;
  if (v.provider === 'mailgun') {
    if (v.webhook_signing_key.trim()) body.webhook_signing_key = v.webhook_signing_key.trim();
    else if (v.clear_webhook_signing_key) body.webhook_signing_key = null;
  }
  if (v.provider === 'sendgrid') body.sendgrid_public_key = v.sendgrid_public_key.trim() || null;
  if (v.provider === 'postmark') {
    if (v.basic_auth_user.trim()) {
      body.basic_auth = { user: v.basic_auth_user.trim() };
      if (v.basic_auth_pass) body.basic_auth.pass = v.basic_auth_pass;
    } else if (existing.basic_auth) body.basic_auth = null;
  }
  if (v.provider === 'ses') body.sns_topic_arn = v.sns_topic_arn.trim() || null;
  return body;
}

export interface SmsChannelValues {
  name: string;
  from_number: string;
  provider_url: string;
  auth_token: string;
  clear_auth_token: boolean;
}

export function smsValues(channel?: SmsChannel): SmsChannelValues {
  return {
    name: channel?.name ?? '',
    from_number: channel?.from_number ?? '',
    provider_url: channel?.provider_url ?? '',
    auth_token: '',
    clear_auth_token: false,
  };
}

export const smsChannelSchema = z.object({
  name: z.string().trim().min(1, 'Give the channel a name').max(200, 'Names are at most 200 characters'),
  from_number: z.string().trim().regex(/^\+[1-9]\d{6,14}$/, 'Enter the sending number in international format, like +15555550123'),
  provider_url: z
    .string()
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        return false;
      }
    }, 'Enter the provider’s full URL, starting with https://'),
  auth_token: z.string(),
  clear_auth_token: z.boolean(),
});

export function toSmsCreate(v: SmsChannelValues): Schemas['CreateSmsChannelDto'] {
  const body: Schemas['CreateSmsChannelDto'] = { type: 'sms', name: v.name.trim(), from_number: v.from_number.trim(), provider_url: v.provider_url.trim() };
  if (v.auth_token) body.auth_token = v.auth_token;
  return body;
}

export function toSmsUpdate(v: SmsChannelValues): Schemas['UpdateSmsChannelDto'] {
  const body: Schemas['UpdateSmsChannelDto'] = { name: v.name.trim(), from_number: v.from_number.trim(), provider_url: v.provider_url.trim() };
  if (v.auth_token) body.auth_token = v.auth_token;
  else if (v.clear_auth_token) body.auth_token = null;
  return body;
}
