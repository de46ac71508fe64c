import { describe, expect, it } from 'vitest';
import type { EmailChannel } from '../../api/types';
import { postmarkUrlForm, setupGaps, webhookPath } from './webhookSetup';

const URL_ = 'https://hub.example.com/api/webhook/email/postmark/7c1e5a3b-9d2f-4e6a-8b0c-1d3e5f7a9b2c';

function channel(overrides: Partial<EmailChannel>): EmailChannel {
  return {
    id: '7c1e5a3b-9d2f-4e6a-8b0c-1d3e5f7a9b2c',
    name: 'Mail',
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    type: 'email',
    from_address: 'hello@example.com',
    provider: 'smtp',
    smtp: null,
    has_webhook_signing_key: false,
    sendgrid_public_key: null,
    basic_auth: null,
    sns_topic_arn: null,
    webhook_url: URL_,
    ...overrides,
  };
}

describe('webhookPath', () => {
  it('is the path the inbound log filters by, without host or query', () => {
    expect(webhookPath(`${URL_}?x=1`)).toBe('/api/webhook/email/postmark/7c1e5a3b-9d2f-4e6a-8b0c-1d3e5f7a9b2c');
    expect(webhookPath('http://localhost:3000/api/webhook/email/ses/abc')).toBe('/api/webhook/email/ses/abc');
  });
});

describe('postmarkUrlForm', () => {
  it('puts the user and a stand-in for the password before the host, never a password', () => {
    expect(postmarkUrlForm(URL_, 'postmark')).toBe('https://postmark:…@hub.example.com/api/webhook/email/postmark/7c1e5a3b-9d2f-4e6a-8b0c-1d3e5f7a9b2c');
  });

  it('encodes a user that URLs cannot carry as typed, and says "user" when there is none yet', () => {
    expect(postmarkUrlForm('https://h.example/p', 'ops@shop')).toBe('https://ops%40shop:…@h.example/p');
    expect(postmarkUrlForm('https://h.example/p', null)).toBe('https://user:…@h.example/p');
  });
});

describe('setupGaps', () => {
  it('says a Mailgun channel without a signing key refuses webhooks with 401, and nothing once it has one', () => {
    expect(setupGaps(channel({ provider: 'mailgun' }))).toEqual([{ blocking: true, text: expect.stringMatching(/^No signing key yet: .*refused \(401\)/) }]);
    expect(setupGaps(channel({ provider: 'mailgun', has_webhook_signing_key: true }))).toEqual([]);
  });

  it('asks SendGrid for its verification key', () => {
    expect(setupGaps(channel({ provider: 'sendgrid' }))[0]?.text).toMatch(/^No verification key yet/);
    expect(setupGaps(channel({ provider: 'sendgrid', sendgrid_public_key: 'MFkw…' }))).toEqual([]);
  });

  it('asks Postmark for user and password, or only the password when the user is set', () => {
    expect(setupGaps(channel({ provider: 'postmark' }))[0]?.text).toMatch(/^No basic auth user and password yet/);
    expect(setupGaps(channel({ provider: 'postmark', basic_auth: { user: 'pm', has_password: false } }))[0]?.text).toMatch(/^No basic auth password yet/);
    expect(setupGaps(channel({ provider: 'postmark', basic_auth: { user: 'pm', has_password: true } }))).toEqual([]);
  });

  it('only informs about an SES channel without a topic: the first confirmation sets it', () => {
    expect(setupGaps(channel({ provider: 'ses' }))).toEqual([{ blocking: false, text: expect.stringMatching(/first subscription confirmation/) }]);
    expect(setupGaps(channel({ provider: 'ses', sns_topic_arn: 'arn:aws:sns:us-east-1:1:t' }))).toEqual([]);
  });

  it('has nothing to ask of plain SMTP', () => {
    expect(setupGaps(channel({ provider: 'smtp' }))).toEqual([]);
  });
});
