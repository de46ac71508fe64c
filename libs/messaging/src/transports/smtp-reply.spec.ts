import { providerIdFromSmtpReply } from './smtp-reply';

describe('providerIdFromSmtpReply', () => {
  it("reads SES's message id from `250 Ok <id>`", () => {
    expect(providerIdFromSmtpReply('250 Ok 0100018c7f3e5c0b-2a8f1d4e-9b7c-4a3e-8f6d-1c2b3a4d5e6f-000000')).toBe(
      '0100018c7f3e5c0b-2a8f1d4e-9b7c-4a3e-8f6d-1c2b3a4d5e6f-000000',
    );
    expect(providerIdFromSmtpReply('250 Ok 010f01234abcd-5678-efgh-000000\r\n')).toBe('010f01234abcd-5678-efgh-000000');
  });

  it('reads `queued as <id>` replies (SendGrid, Postmark, Postfix relays)', () => {
    expect(providerIdFromSmtpReply('250 Ok: queued as sM5dO2PpS-2l6FZQ-VDcPg')).toBe('sM5dO2PpS-2l6FZQ-VDcPg');
    expect(providerIdFromSmtpReply('250 2.0.0 Ok: queued as 4Fh3Yx0abc')).toBe('4Fh3Yx0abc');
  });

  it('returns null when the reply names no id', () => {
    expect(providerIdFromSmtpReply('250 Great success')).toBeNull();
    expect(providerIdFromSmtpReply('250 OK: message queued')).toBeNull();
    expect(providerIdFromSmtpReply('250 Ok')).toBeNull();
    expect(providerIdFromSmtpReply('')).toBeNull();
    expect(providerIdFromSmtpReply(undefined)).toBeNull();
  });
});
