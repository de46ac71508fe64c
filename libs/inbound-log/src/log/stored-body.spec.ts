import { storedBody } from './stored-body';

describe('storedBody', () => {
  it('keeps UTF-8 bodies as text only', () => {
    expect(storedBody(Buffer.from('{"city":"Málaga","note":"\\u0000"}'), undefined)).toEqual({ raw_body: '{"city":"Málaga","note":"\\u0000"}', raw_body_bytes: null });
  });

  it('keeps the exact bytes of a body with a NUL byte, and readable text beside them', () => {
    const raw = Buffer.from('a=1\u0000b', 'latin1');
    expect(storedBody(raw, undefined)).toEqual({ raw_body: 'a=1\ufffdb', raw_body_bytes: raw });
  });

  it('keeps the exact bytes of a body that is not UTF-8', () => {
    const raw = Buffer.from([0x7b, 0xe1, 0x7d]);
    expect(storedBody(raw, undefined)).toEqual({ raw_body: '{\ufffd}', raw_body_bytes: raw });
  });

  it('falls back to the parsed body when there are no raw bytes', () => {
    expect(storedBody(undefined, undefined)).toEqual({ raw_body: null, raw_body_bytes: null });
    expect(storedBody(undefined, { a: 1 })).toEqual({ raw_body: '{"a":1}', raw_body_bytes: null });
  });
});
