import { Injectable } from '@nestjs/common';
import { AppConfig, HUB_VERSION } from '@hub/config';
import { signWebhook } from '../signing/webhook-signer';
import { OutboundRequest } from './webhook-sender';

export interface OutboundParts {
  url: string;
  eventId: string;
  body: string;
  secrets: string[];
  bearerToken?: string | null;
  headers?: Record<string, string>;
  timeoutMs?: number | null;
  format?: string;
}

/**
 * Puts a webhook request together: the endpoint's custom headers first, then
 * ours (so custom headers cannot overwrite a signature), signed at send time so
 * `webhook-timestamp` is the time of this attempt.
 */
@Injectable()
export class OutboundRequestBuilder {
  constructor(private readonly config: AppConfig) {}

  build(parts: OutboundParts, at = new Date()): OutboundRequest {
    const headers: Record<string, string> = {
      ...(parts.headers ?? {}),
      'content-type': 'application/json',
      'user-agent': `WebhookHub/${HUB_VERSION}`,
      'webhook-format': parts.format ?? 'standard',
      ...signWebhook(parts.eventId, parts.body, parts.secrets, at),
    };
    if (parts.bearerToken) headers.authorization = `Bearer ${parts.bearerToken}`;
    return { url: parts.url, body: parts.body, headers, timeoutMs: parts.timeoutMs ?? this.config.webhookTimeoutMs };
  }
}
