import { REDACTED, redactHeaders } from './header-redaction';

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
