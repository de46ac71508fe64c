import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Agent, errors as undiciErrors, request } from 'undici';
import { AppConfig } from '@hub/config';
import { redactHeaders } from '@hub/http';
import { ipLiteral, isBlockedAddress } from '../ssrf/address-policy';
import { createSafeAgent } from '../ssrf/safe-dispatcher';
import { readCapped } from './response-reader';

export interface OutboundRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  responseBody: string | null;
  error: string | null;
  /** Seconds from a Retry-After header on 429/503, when present and valid. */
  retryAfterSeconds: number | null;
  /** What was sent, with credentials redacted: safe to store and show. */
  requestHeaders: Record<string, string>;
}

function describeError(error: unknown, timeoutMs: number): string {
  const err = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError || err.name === 'TimeoutError') {
    return `Timed out after ${timeoutMs} ms`;
  }
  const code = err.code ?? err.cause?.code;
  const message = err.cause?.message ?? err.message;
  if (code === 'BLOCKED_DESTINATION') return message;
  if (code === 'ECONNREFUSED') return 'Connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `DNS lookup failed (${code})`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'Connection reset';
  return code ? `${code}: ${message}` : message;
}

function retryAfter(status: number, header: string | string[] | undefined): number | null {
  if ((status !== 429 && status !== 503) || typeof header !== 'string') return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}

/**
 * Sends one webhook request: pooled keep-alive connections, a hard timeout, no
 * redirects (a 3xx is a failure), response body capped at 64 KiB, and the SSRF
 * policy applied to the very address connected to.
 */
@Injectable()
export class WebhookSender implements OnModuleDestroy {
  private readonly agent: Agent;

  constructor(private readonly config: AppConfig) {
    this.agent = createSafeAgent({ allowPrivate: config.webhookAllowPrivateNetworks, connections: 64 });
  }

  async send(outbound: OutboundRequest): Promise<AttemptResult> {
    const requestHeaders = redactHeaders(outbound.headers);
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const literal = ipLiteral(new URL(outbound.url).hostname);
    if (literal && !this.config.webhookAllowPrivateNetworks && isBlockedAddress(literal)) {
      return { ok: false, statusCode: null, durationMs: 0, responseBody: null, retryAfterSeconds: null, requestHeaders, error: `Refused to connect to ${literal}: a private, loopback, link-local or reserved address` };
    }
    try {
      const response = await request(outbound.url, {
        method: 'POST',
        body: outbound.body,
        headers: outbound.headers,
        dispatcher: this.agent,
        headersTimeout: outbound.timeoutMs,
        bodyTimeout: outbound.timeoutMs,
        signal: AbortSignal.timeout(outbound.timeoutMs),
      });
      const responseBody = await readCapped(response.body).catch(() => '');
      const status = response.statusCode;
      const ok = status >= 200 && status < 300;
      return {
        ok,
        statusCode: status,
        durationMs: elapsed(),
        responseBody,
        error: ok ? null : status >= 300 && status < 400 ? `Redirect (${status}) not followed` : `HTTP ${status}`,
        retryAfterSeconds: retryAfter(status, response.headers['retry-after']),
        requestHeaders,
      };
    } catch (error) {
      return { ok: false, statusCode: null, durationMs: elapsed(), responseBody: null, error: describeError(error, outbound.timeoutMs), retryAfterSeconds: null, requestHeaders };
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.close();
  }
}
