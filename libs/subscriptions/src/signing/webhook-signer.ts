import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { secretKeyBytes } from './endpoint-secret';

export interface SignatureHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
  'x-webhook-signature': string;
}

/**
 * Signs a body the Standard Webhooks way (signed by the public
 * `standardwebhooks` library itself), one `v1,` signature per active secret,
 * space-separated during a rotation; plus `X-Webhook-Signature`, the hex HMAC of
 * the body with the newest secret, for receivers that only check the body.
 */
export function signWebhook(eventId: string, body: string, secrets: string[], at: Date = new Date()): SignatureHeaders {
  if (secrets.length === 0) throw new Error('signWebhook needs at least one secret');
  // Standard Webhooks timestamps are whole seconds; sign the same second we send.
  const timestamp = new Date(Math.floor(at.getTime() / 1000) * 1000);
  const signatures = secrets.map((secret) => new Webhook(secret).sign(eventId, timestamp, body));
  return {
    'webhook-id': eventId,
    'webhook-timestamp': String(timestamp.getTime() / 1000),
    'webhook-signature': signatures.join(' '),
    'x-webhook-signature': createHmac('sha256', secretKeyBytes(secrets[0])).update(body).digest('hex'),
  };
}
