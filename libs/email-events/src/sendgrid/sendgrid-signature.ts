import { createPublicKey, KeyObject, verify } from 'node:crypto';

export const SENDGRID_SIGNATURE_HEADER = 'x-twilio-email-event-webhook-signature';
export const SENDGRID_TIMESTAMP_HEADER = 'x-twilio-email-event-webhook-timestamp';

/**
 * SendGrid's signed Event Webhook: an ECDSA (P-256, SHA-256) signature, base64
 * DER, over the timestamp header's bytes followed by the raw body's, checked
 * with the account's verification key (base64 DER SPKI, stored on the channel).
 */
export class SendgridSignature {
  static publicKey(base64Spki: string): KeyObject {
    return createPublicKey({ key: Buffer.from(base64Spki, 'base64'), format: 'der', type: 'spki' });
  }

  /** False for a missing header, a malformed signature or a mismatch (never throws). */
  static verify(key: KeyObject, rawBody: Buffer, timestamp: string | undefined, signature: string | undefined): boolean {
    if (!timestamp || !signature) return false;
    try {
      return verify('sha256', Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]), key, Buffer.from(signature, 'base64'));
    } catch {
      return false;
    }
  }
}
