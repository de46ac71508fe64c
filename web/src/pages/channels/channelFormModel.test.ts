import { describe, expect, it } from 'vitest';
import type { EmailChannel } from '../../api/types';
import { emailChannelSchema, emailValues, smsValues, toEmailCreate, toEmailUpdate, toSmsUpdate } from './channelFormModel';

const stored: EmailChannel = {
  id: 'c1',
  type: 'email',
  name: 'Transactional',
  from_address: 'hello@example.com',
  provider: 'postmark',
  smtp: { host: 'smtp.postmarkapp.com', port: 587, secure: false, user: 'token', has_password: true },
  has_webhook_signing_key: false,
  sendgrid_public_key: null,
  basic_auth: { user: 'pm', has_password: true },
  sns_topic_arn: null,
  webhook_url: 'https://hub.example.com/api/webhook/email/postmark/c1',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe('email channel form', () => {
  it('creates with SMTP and the chosen provider’s settings only', () => {
    const values = {
      ...emailValues(),
      name: ' Mail ',
      from_address: 'hello@example.com',
      provider: 'mailgun' as const,
      smtp_host: 'smtp.mailgun.org',
      smtp_pass: 'pw',
      webhook_signing_key: 'key-1',
      sendgrid_public_key: 'typed then switched provider',
    };
    expect(toEmailCreate(values)).toEqual({
      type: 'email',
      name: 'Mail',
      from_address: 'hello@example.com',
      provider: 'mailgun',
      smtp: { host: 'smtp.mailgun.org', port: 587, secure: false, user: null, pass: 'pw' },
      webhook_signing_key: 'key-1',
    });
  });

  it('keeps stored secrets unless a new one is typed or removal is asked for', () => {
    const values = emailValues(stored);
    expect(values.smtp_pass).toBe('');
    expect(toEmailUpdate(values, stored)).toEqual({
      name: 'Transactional',
      from_address: 'hello@example.com',
      provider: 'postmark',
      smtp: { host: 'smtp.postmarkapp.com', port: 587, secure: false, user: 'token' },
      basic_auth: { user: 'pm' },
    });
    expect(toEmailUpdate({ ...values, clear_smtp_pass: true, basic_auth_pass: 'new' }, stored)).toMatchObject({
      smtp: { pass: null },
      basic_auth: { user: 'pm', pass: 'new' },
    });
  });

  it('removes SMTP settings and basic auth when their fields are emptied', () => {
    const values = { ...emailValues(stored), smtp_host: '', smtp_user: '', basic_auth_user: '' };
    expect(toEmailUpdate(values, stored)).toMatchObject({ smtp: null, basic_auth: null });
  });

  it('asks for a host and port when SMTP is half filled, and a password for new basic auth', () => {
    const result = emailChannelSchema().safeParse({
      ...emailValues(),
      name: 'M',
      from_address: 'hello@example.com',
      provider: 'postmark',
      smtp_user: 'u',
      smtp_port: 'x',
      basic_auth_user: 'pm',
    });
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join('.'))).toEqual(['smtp_host', 'smtp_port', 'basic_auth_pass']);
  });
});

describe('sms channel form', () => {
  it('sends the token only when typed, null when removed', () => {
    const values = { ...smsValues(), name: 'Alerts', from_number: '+15555550123', provider_url: 'https://sms.example.com/send' };
    expect(toSmsUpdate(values)).toEqual({ name: 'Alerts', from_number: '+15555550123', provider_url: 'https://sms.example.com/send' });
    expect(toSmsUpdate({ ...values, clear_auth_token: true })).toMatchObject({ auth_token: null });
    expect(toSmsUpdate({ ...values, auth_token: 't' })).toMatchObject({ auth_token: 't' });
  });
});
