import { createHmac, timingSafeEqual } from 'node:crypto';

/** Mailgun retries reuse the first try's timestamp for hours: a day is accepted, and the token deduplicates instead of a tight window. */
export const MAILGUN_MAX_AGE_SECONDS = 24 * 60 * 60;

export interface MailgunSignatureFields {
  timestamp: string;
  token: string;
  signature: string;
}

/**
 * Mailgun's webhook signature: hex HMAC-SHA256 of `timestamp + token` with the
 * domain's webhook signing key, in the JSON body's `signature` object or, for
 * legacy webhooks, as top-level form fields.
 */
export class MailgunSignature {
  /** The signature fields of either body shape, or null when they are missing. */
  static fieldsOf(body: unknown): MailgunSignatureFields | null {
    const root = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const nested = typeof root.signature === 'object' && root.signature !== null ? (root.signature as Record<string, unknown>) : root;
    const { timestamp, token, signature } = nested;
    const text = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null);
    const fields = { timestamp: text(timestamp), token: text(token), signature: text(signature) };
    return fields.timestamp && fields.token && fields.signature ? (fields as MailgunSignatureFields) : null;
  }

  static sign(signingKey: string, timestamp: string, token: string): string {
    return createHmac('sha256', signingKey).update(timestamp + token).digest('hex');
  }

  /** Constant-time; false for another key, altered fields, or a timestamp more than a day away from `nowSeconds`. */
  static verify(signingKey: string, fields: MailgunSignatureFields, nowSeconds = Date.now() / 1000): boolean {
    const age = Math.abs(nowSeconds - Number(fields.timestamp));
    if (!Number.isFinite(age) || age > MAILGUN_MAX_AGE_SECONDS) return false;
    if (!/^[0-9a-f]{64}$/i.test(fields.signature)) return false;
    const expected = Buffer.from(MailgunSignature.sign(signingKey, fields.timestamp, fields.token), 'hex');
    return timingSafeEqual(expected, Buffer.from(fields.signature, 'hex'));
  }
}
