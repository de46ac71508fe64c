import { BadRequestException } from '@nestjs/common';
import { Channel } from './channel.entity';
import { newChannelValues, patchedChannelValues } from './channel-changes';

// Reversible stand-in for SecretBox: these tests are about which secrets change, not about cryptography.
const encrypt = (plain: string) => `enc(${plain})`;

function emailChannel(): Channel {
  return Object.assign(
    new Channel(),
    newChannelValues(
      {
        type: 'email',
        name: 'Mail',
        from_address: 'hello@example.com',
        provider: 'postmark',
        smtp: { host: 'smtp.example.com', port: 587, user: 'u', pass: 'p1' },
        webhook_signing_key: 'k1',
        basic_auth: { user: 'pm', pass: 'b1' },
      },
      encrypt,
    ),
  );
}

describe('patchedChannelValues', () => {
  it('keeps secrets that are omitted', () => {
    const values = patchedChannelValues(emailChannel(), { type: 'email', changes: { name: 'Renamed', smtp: { port: 2525 } } }, encrypt);
    expect(values.secrets).toEqual({ smtp_pass: 'enc(p1)', webhook_signing_key: 'enc(k1)', basic_auth_pass: 'enc(b1)' });
    expect(values.smtp).toEqual({ host: 'smtp.example.com', port: 2525, secure: false, user: 'u' });
  });

  it('replaces secrets that are sent and clears those sent as null', () => {
    const values = patchedChannelValues(
      emailChannel(),
      { type: 'email', changes: { smtp: { pass: null }, webhook_signing_key: 'k2', basic_auth: { pass: 'b2' } } },
      encrypt,
    );
    expect(values.secrets).toEqual({ webhook_signing_key: 'enc(k2)', basic_auth_pass: 'enc(b2)' });
  });

  it('removes nested settings together with their secret', () => {
    const values = patchedChannelValues(emailChannel(), { type: 'email', changes: { smtp: null, basic_auth: null } }, encrypt);
    expect(values).toMatchObject({ smtp: null, basic_auth_user: null, secrets: { webhook_signing_key: 'enc(k1)' } });
    expect(values.secrets).not.toHaveProperty('smtp_pass');
    expect(values.secrets).not.toHaveProperty('basic_auth_pass');
  });

  it('needs host and port when a channel gets SMTP settings for the first time', () => {
    const channel = Object.assign(emailChannel(), { smtp: null, secrets: {} });
    expect(() => patchedChannelValues(channel, { type: 'email', changes: { smtp: { pass: 'x' } } }, encrypt)).toThrow(BadRequestException);
  });
});
