import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';

/**
 * Meta's `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`.
 * Over the bytes as received: Meta escapes non-ASCII as \uXXXX, so a body
 * parsed and serialised again would not match.
 */
export class MetaSignature {
  static sign(appSecret: string, rawBody: Buffer | string): string {
    return PREFIX + createHmac('sha256', appSecret).update(rawBody).digest('hex');
  }

  /** Constant-time; false for a missing or malformed header. */
  static verify(appSecret: string, rawBody: Buffer, header: string | undefined): boolean {
    if (!header?.startsWith(PREFIX) || !/^[0-9a-f]{64}$/i.test(header.slice(PREFIX.length))) return false;
    const expected = createHmac('sha256', appSecret).update(rawBody).digest();
    return timingSafeEqual(expected, Buffer.from(header.slice(PREFIX.length), 'hex'));
  }
}
