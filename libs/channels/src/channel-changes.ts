import { BadRequestException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Channel, EncryptedChannelSecrets, SmtpSettings } from './channel.entity';
import { ChannelPatch, CreateChannelInput } from './channel-input';

/** Encrypts one secret for storage (SecretBox.encrypt). */
export type Encrypt = (plain: string) => string;
export type ChannelValues = Partial<Omit<Channel, 'id' | 'account_id' | 'created_at' | 'updated_at'>>;

/** The node service addresses a session by this id: 128 random bits so it cannot be guessed. */
export function newSessionId(): string {
  return 'wa_' + randomBytes(16).toString('base64url');
}

function badField(field: string, message: string): BadRequestException {
  return new BadRequestException({ message, details: [{ field, message }] });
}

function smtpSettings(input: { host: string; port: number; secure?: boolean; user?: string | null }): SmtpSettings {
  // Port 465 is implicit TLS; other ports upgrade with STARTTLS.
  return { host: input.host, port: input.port, secure: input.secure ?? input.port === 465, user: input.user ?? null };
}

/**
 * A secret's next stored value: undefined keeps it, null clears it, a string
 * replaces it (encrypted).
 */
function nextSecret(secrets: EncryptedChannelSecrets, key: keyof EncryptedChannelSecrets, plain: string | null | undefined, encrypt: Encrypt): void {
  if (plain === undefined) return;
  if (plain === null) delete secrets[key];
  else secrets[key] = encrypt(plain);
}

export function newChannelValues(input: CreateChannelInput, encrypt: Encrypt): ChannelValues {
  const secrets: EncryptedChannelSecrets = {};
  switch (input.type) {
    case 'email':
      nextSecret(secrets, 'smtp_pass', input.smtp?.pass, encrypt);
      nextSecret(secrets, 'webhook_signing_key', input.webhook_signing_key, encrypt);
      nextSecret(secrets, 'basic_auth_pass', input.basic_auth?.pass, encrypt);
      return {
        type: 'email',
        name: input.name,
        from_address: input.from_address,
        provider: input.provider,
        smtp: input.smtp ? smtpSettings(input.smtp) : null,
        sendgrid_public_key: input.sendgrid_public_key ?? null,
        basic_auth_user: input.basic_auth?.user ?? null,
        sns_topic_arn: input.sns_topic_arn ?? null,
        secrets,
      };
    case 'whatsapp':
      return { type: 'whatsapp', name: input.name, session_id: newSessionId(), session_status: 'disconnected', phone: null, secrets };
    case 'sms':
      nextSecret(secrets, 'auth_token', input.auth_token, encrypt);
      return { type: 'sms', name: input.name, from_number: input.from_number, provider_url: input.provider_url, secrets };
  }
}

/** The columns a PATCH changes, merged with the current channel (nested objects merge field by field). */
export function patchedChannelValues(current: Channel, patch: ChannelPatch, encrypt: Encrypt): ChannelValues {
  const secrets: EncryptedChannelSecrets = { ...current.secrets };
  const values: ChannelValues = { secrets };
  if (patch.changes.name !== undefined) values.name = patch.changes.name;
  switch (patch.type) {
    case 'sms': {
      const { from_number, provider_url, auth_token } = patch.changes;
      if (from_number !== undefined) values.from_number = from_number;
      if (provider_url !== undefined) values.provider_url = provider_url;
      nextSecret(secrets, 'auth_token', auth_token, encrypt);
      return values;
    }
    case 'whatsapp':
      return values;
    case 'email': {
      const changes = patch.changes;
      if (changes.from_address !== undefined) values.from_address = changes.from_address;
      if (changes.provider !== undefined) values.provider = changes.provider;
      if (changes.sendgrid_public_key !== undefined) values.sendgrid_public_key = changes.sendgrid_public_key;
      if (changes.sns_topic_arn !== undefined) values.sns_topic_arn = changes.sns_topic_arn;
      nextSecret(secrets, 'webhook_signing_key', changes.webhook_signing_key, encrypt);

      if (changes.smtp === null) {
        values.smtp = null;
        delete secrets.smtp_pass;
      } else if (changes.smtp) {
        const { pass, ...settings } = changes.smtp;
        const merged = { ...current.smtp, ...withoutUndefined(settings) };
        if (merged.host === undefined) throw badField('smtp.host', 'smtp.host is required: this channel has no SMTP settings yet');
        if (merged.port === undefined) throw badField('smtp.port', 'smtp.port is required: this channel has no SMTP settings yet');
        // A stored `secure` is kept unless sent; first-time settings derive it from the port.
        values.smtp = smtpSettings({ host: merged.host, port: merged.port, secure: merged.secure, user: merged.user });
        nextSecret(secrets, 'smtp_pass', pass, encrypt);
      }

      if (changes.basic_auth === null) {
        values.basic_auth_user = null;
        delete secrets.basic_auth_pass;
      } else if (changes.basic_auth) {
        const user = changes.basic_auth.user ?? current.basic_auth_user;
        if (!user) throw badField('basic_auth.user', 'basic_auth.user is required: this channel has no basic auth yet');
        if (!changes.basic_auth.pass && !secrets.basic_auth_pass) throw badField('basic_auth.pass', 'basic_auth.pass is required: this channel has no basic auth yet');
        values.basic_auth_user = user;
        nextSecret(secrets, 'basic_auth_pass', changes.basic_auth.pass, encrypt);
      }
      return values;
    }
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
