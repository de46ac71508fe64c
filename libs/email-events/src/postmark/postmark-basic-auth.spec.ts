import { PostmarkBasicAuth } from './postmark-basic-auth';

describe('PostmarkBasicAuth', () => {
  const expected = { user: 'postmark', pass: 's3cret:with-colon' };
  const header = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

  it("accepts the channel's user and password (a colon in the password included)", () => {
    expect(PostmarkBasicAuth.matches(header('postmark:s3cret:with-colon'), expected)).toBe(true);
  });

  it('refuses another password or user, another scheme and no header', () => {
    expect(PostmarkBasicAuth.matches(header('postmark:wrong'), expected)).toBe(false);
    expect(PostmarkBasicAuth.matches(header('other:s3cret:with-colon'), expected)).toBe(false);
    expect(PostmarkBasicAuth.matches('Bearer abc', expected)).toBe(false);
    expect(PostmarkBasicAuth.matches(undefined, expected)).toBe(false);
  });
});
