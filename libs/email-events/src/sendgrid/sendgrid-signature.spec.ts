import { generateKeyPairSync, sign } from 'node:crypto';
import { SendgridSignature } from './sendgrid-signature';

describe('SendgridSignature (a locally generated P-256 key, as SendGrid signs)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const raw = Buffer.from('[{"email":"a@example.com","event":"delivered","sg_event_id":"e1","sg_message_id":"m1"}]\r\n');
  const timestamp = '1764752040';
  const signature = sign('sha256', Buffer.concat([Buffer.from(timestamp), raw]), privateKey).toString('base64');
  const key = SendgridSignature.publicKey(spki);

  it('verifies the signature over timestamp + raw body with the stored verification key', () => {
    expect(SendgridSignature.verify(key, raw, timestamp, signature)).toBe(true);
  });

  it('refuses another timestamp, a changed body, a missing header and garbage', () => {
    expect(SendgridSignature.verify(key, raw, '1764752041', signature)).toBe(false);
    expect(SendgridSignature.verify(key, Buffer.from(raw.toString().trim()), timestamp, signature)).toBe(false);
    expect(SendgridSignature.verify(key, raw, undefined, signature)).toBe(false);
    expect(SendgridSignature.verify(key, raw, timestamp, 'not-base64-der')).toBe(false);
  });
});
