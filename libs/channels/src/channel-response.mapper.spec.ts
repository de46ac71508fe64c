import { AppConfig } from '@hub/config';
import { SecretBox } from '@hub/database';
import { Channel } from './channel.entity';
import { newChannelValues } from './channel-changes';
import { CreateChannelInput } from './channel-input';
import { toChannelDto } from './channel-response.mapper';

const box = new SecretBox({ appSecretKey: 'unit-test-secret-key-0123456789abcdef' } as AppConfig);
const PUBLIC_URL = 'https://hub.example.com/';
const ACCOUNT_ID = '0b7e5a2c-1111-4c8e-9d55-0c7f6a1e2b90';

const SECRETS = ['smtp-pass-PLAINTEXT-1', 'mailgun-key-PLAINTEXT-2', 'postmark-pass-PLAINTEXT-3', 'sms-token-PLAINTEXT-4'];

function stored(input: CreateChannelInput): Channel {
  const now = new Date('2026-11-24T10:00:00.000Z');
  return Object.assign(new Channel(), {
    id: '5b0f7d2c-3a41-4c8e-9d55-0c7f6a1e2b90',
    account_id: ACCOUNT_ID,
    created_at: now,
    updated_at: now,
    from_address: null, provider: null, smtp: null, sendgrid_public_key: null, basic_auth_user: null, sns_topic_arn: null,
    session_id: null, session_status: null, phone: null, from_number: null, provider_url: null,
    ...newChannelValues(input, (plain) => box.encrypt(plain)),
  });
}

const email = stored({
  type: 'email',
  name: 'Mail',
  from_address: 'hello@example.com',
  provider: 'postmark',
  smtp: { host: 'smtp.example.com', port: 587, user: 'apikey', pass: SECRETS[0] },
  webhook_signing_key: SECRETS[1],
  basic_auth: { user: 'postmark', pass: SECRETS[2] },
});
const sms = stored({ type: 'sms', name: 'SMS', from_number: '+15555550123', provider_url: 'https://sms.example.com/send', auth_token: SECRETS[3] });
const whatsapp = stored({ type: 'whatsapp', name: 'WA' });

describe('toChannelDto', () => {
  it.each([email, sms, whatsapp])('never carries a secret, its ciphertext or the account id ($type)', (channel) => {
    const json = JSON.stringify(toChannelDto(channel, PUBLIC_URL));
    for (const secret of SECRETS) expect(json).not.toContain(secret);
    for (const ciphertext of Object.values(channel.secrets)) expect(json).not.toContain(ciphertext as string);
    expect(json).not.toContain(ACCOUNT_ID);
    expect(json).not.toMatch(/"(secrets|pass|auth_token|webhook_signing_key|account_id)"/);
  });

  it('says which email secrets are set instead of showing them', () => {
    expect(toChannelDto(email, PUBLIC_URL)).toMatchObject({
      smtp: { host: 'smtp.example.com', port: 587, secure: false, user: 'apikey', has_password: true },
      has_webhook_signing_key: true,
      basic_auth: { user: 'postmark', has_password: true },
    });
  });

  it('reports unset secrets as false', () => {
    const bare = stored({ type: 'email', name: 'Mail', from_address: 'a@example.com', provider: 'smtp', smtp: { host: 'h', port: 465 } });
    expect(toChannelDto(bare, PUBLIC_URL)).toMatchObject({ smtp: { secure: true, user: null, has_password: false }, has_webhook_signing_key: false, basic_auth: null });
    expect(toChannelDto(stored({ type: 'sms', name: 'S', from_number: '+15555550123', provider_url: 'http://x' }), PUBLIC_URL)).toMatchObject({ has_auth_token: false });
  });

  it('gives email channels their webhook URL without a double slash', () => {
    expect(toChannelDto(email, PUBLIC_URL)).toMatchObject({ webhook_url: `https://hub.example.com/api/webhook/email/postmark/${email.id}` });
    expect(toChannelDto(sms, PUBLIC_URL)).not.toHaveProperty('webhook_url');
  });

  it('shows the generated WhatsApp session', () => {
    expect(toChannelDto(whatsapp, PUBLIC_URL)).toMatchObject({ session_id: expect.stringMatching(/^wa_[A-Za-z0-9_-]{22}$/), session_status: 'disconnected', phone: null });
  });
});
