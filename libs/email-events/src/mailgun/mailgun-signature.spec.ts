import { MailgunSignature } from './mailgun-signature';

describe('MailgunSignature', () => {
  const key = 'key-mailgun-signing';
  const now = 1_764_752_040;
  const token = 'a'.repeat(50);
  const signed = (timestamp: number) => ({ timestamp: String(timestamp), token, signature: MailgunSignature.sign(key, String(timestamp), token) });

  it('verifies HMAC-SHA256 of timestamp + token, for retries up to a day old', () => {
    expect(MailgunSignature.verify(key, signed(now), now)).toBe(true);
    expect(MailgunSignature.verify(key, signed(now - 23 * 3600), now)).toBe(true);
  });

  it('refuses another key, an altered token, a timestamp over a day away, and a malformed signature', () => {
    expect(MailgunSignature.verify('other', signed(now), now)).toBe(false);
    expect(MailgunSignature.verify(key, { ...signed(now), token: 'b'.repeat(50) }, now)).toBe(false);
    expect(MailgunSignature.verify(key, signed(now - 25 * 3600), now)).toBe(false);
    expect(MailgunSignature.verify(key, { ...signed(now), signature: 'zz' }, now)).toBe(false);
  });

  it('reads the JSON body shape and the legacy form shape', () => {
    const fields = signed(now);
    expect(MailgunSignature.fieldsOf({ signature: fields, 'event-data': {} })).toEqual(fields);
    expect(MailgunSignature.fieldsOf({ ...fields, event: 'delivered' })).toEqual(fields);
    expect(MailgunSignature.fieldsOf({ signature: { timestamp: now, token } })).toBeNull();
    expect(MailgunSignature.fieldsOf('x')).toBeNull();
  });
});
