import { randomBytes } from 'node:crypto';

/** 32 random bytes, base64url (43 characters): unguessable, and unique across the hub in practice. */
export function generateWebhookId(): string {
  return randomBytes(32).toString('base64url');
}

const WEBHOOK_ID = /^[A-Za-z0-9_-]{22,128}$/;

/** Whether a path segment could be a webhook id at all (anything else is a 404 without a query). */
export function isWebhookIdShape(value: string): boolean {
  return WEBHOOK_ID.test(value);
}

export function webhookUrl(publicUrl: string, webhookId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/automation/webhook/${webhookId}`;
}
