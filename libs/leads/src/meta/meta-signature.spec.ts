import { MetaSignature } from './meta-signature';

describe('MetaSignature', () => {
  // A body as Meta sends it: non-ASCII escaped, so only the raw bytes verify.
  const raw = Buffer.from('{"object":"page","entry":[{"id":"104857600123456","changes":[{"field":"leadgen","value":{"leadgen_id":"1","note":"Mar\\u00eda"}}]}]}');

  it('verifies the HMAC-SHA256 of the raw bytes with the app secret', () => {
    const header = MetaSignature.sign('app-secret', raw);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(MetaSignature.verify('app-secret', raw, header)).toBe(true);
    expect(MetaSignature.verify('app-secret', raw, header.toUpperCase().replace('SHA256=', 'sha256='))).toBe(true);
  });

  it('refuses another secret, a re-serialised body, a sha1 header, and garbage', () => {
    const header = MetaSignature.sign('app-secret', raw);
    expect(MetaSignature.verify('other-secret', raw, header)).toBe(false);
    expect(MetaSignature.verify('app-secret', Buffer.from(JSON.stringify(JSON.parse(raw.toString()))), header)).toBe(false);
    expect(MetaSignature.verify('app-secret', raw, `sha1=${'0'.repeat(40)}`)).toBe(false);
    expect(MetaSignature.verify('app-secret', raw, 'sha256=zz')).toBe(false);
    expect(MetaSignature.verify('app-secret', raw, undefined)).toBe(false);
  });
});
