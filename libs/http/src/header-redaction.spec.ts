import { REDACTED, redactHeaders, redactUrl } from './header-redaction';

describe('redactHeaders', () => {
  it('redacts credentials and keeps signatures and ordinary headers', () => {
    const out = redactHeaders({
      Authorization: 'Bearer abc',
      'X-Node-Secret': 's3cret',
      'X-Custom-Token': 't',
      Cookie: 'a=b',
      'X-Hub-Signature-256': 'sha256=ff',
      'Content-Type': 'application/json',
      Accept: ['a', 'b'],
    });
    expect(out).toEqual({
      authorization: REDACTED,
      'x-node-secret': REDACTED,
      'x-custom-token': REDACTED,
      cookie: REDACTED,
      'x-hub-signature-256': 'sha256=ff',
      'content-type': 'application/json',
      accept: 'a, b',
    });
  });
});

describe('redactUrl', () => {
  it('redacts credential-named query values and keeps the rest exactly', () => {
    expect(redactUrl('/api/webhook/meta-lead-ads?hub.mode=subscribe&hub.verify_token=s3cret&hub.challenge=42')).toBe(
      '/api/webhook/meta-lead-ads?hub.mode=subscribe&hub.verify_token=%5Bredacted%5D&hub.challenge=42',
    );
    expect(redactUrl('/x?access%5Ftoken=abc&flag&a=%ZZ')).toBe('/x?access%5Ftoken=%5Bredacted%5D&flag&a=%ZZ');
    expect(redactUrl('/api/automation/webhook/abc')).toBe('/api/automation/webhook/abc');
  });
});
