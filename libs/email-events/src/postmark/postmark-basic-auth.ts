import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Postmark signs nothing: its webhook URL carries `user:pass@`, which arrives
 * as HTTP basic auth, checked against the channel's. Compared as SHA-256
 * digests, so the comparison takes the same time whatever the lengths.
 */
export class PostmarkBasicAuth {
  static matches(header: string | undefined, expected: { user: string; pass: string }): boolean {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
    if (!match) return false;
    const given = Buffer.from(match[1], 'base64').toString('utf8');
    const digest = (text: string) => createHash('sha256').update(text).digest();
    return timingSafeEqual(digest(given), digest(`${expected.user}:${expected.pass}`));
  }
}
