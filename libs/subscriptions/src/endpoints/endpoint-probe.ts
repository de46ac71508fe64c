import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { redactHeaders } from '@hub/http';
import type { PayloadFormat } from '@hub/payload-formats';
import { PayloadRenderer } from '../formats/payload-renderer';
import { OutboundRequestBuilder } from '../sending/outbound-request-builder';
import { WebhookSender } from '../sending/webhook-sender';
import { BlockedDestinationError, DestinationGuard } from '../ssrf/destination-guard';
import { TestSendResponse } from './dto/endpoint-response.dto';
import { buildTestEvent, TEST_EVENT_TYPE } from './test-event';

/** Who an example event is sent to and how it is signed. */
export interface ProbeTarget {
  url: string;
  accountId: string;
  endpointId: string | null;
  eventType?: string;
  secrets: string[];
  bearerToken?: string | null;
  headers?: Record<string, string>;
  timeoutMs?: number | null;
  channel?: { id: string; type: string } | null;
  format?: PayloadFormat;
}

/**
 * Sends one signed example event now, the way deliveries are sent (same
 * builder, same sender, same SSRF policy): for test sends and for the
 * verification that must succeed before an endpoint URL is saved.
 */
@Injectable()
export class EndpointProbe {
  constructor(
    private readonly builder: OutboundRequestBuilder,
    private readonly sender: WebhookSender,
    private readonly guard: DestinationGuard,
    private readonly payloads: PayloadRenderer,
  ) {}

  /** Never throws for the receiver's sake: a blocked or unreachable URL is `ok: false` with the error. */
  async send(target: ProbeTarget): Promise<TestSendResponse> {
    const event = buildTestEvent({ accountId: target.accountId, type: target.eventType ?? TEST_EVENT_TYPE, endpointId: target.endpointId, channel: target.channel });
    const rendered = await this.payloads.render(target.format ?? 'standard', event);
    const outbound = this.builder.build({
      url: target.url,
      eventId: event.id,
      body: rendered.body,
      secrets: target.secrets,
      bearerToken: target.bearerToken,
      headers: target.headers,
      timeoutMs: target.timeoutMs,
      format: rendered.format,
    });
    const request = { url: target.url, headers: redactHeaders(outbound.headers), body: rendered.body };
    try {
      await this.guard.assertAllowed(target.url);
    } catch (error) {
      if (!(error instanceof BlockedDestinationError)) throw error;
      return { ok: false, status: null, duration_ms: 0, response_body: null, error: error.message, request };
    }
    const result = await this.sender.send(outbound);
    return {
      ok: result.ok,
      status: result.statusCode,
      duration_ms: result.durationMs,
      response_body: result.responseBody,
      error: result.error,
      request: { ...request, headers: result.requestHeaders },
    };
  }

  /** Sends webhook.test to each URL (in parallel); 422 endpoint_verification_failed for the first that did not answer 2xx. */
  async verify(urls: string[], target: Omit<ProbeTarget, 'url' | 'eventType'>): Promise<void> {
    const results = await Promise.all(urls.map((url) => this.send({ ...target, url, eventType: TEST_EVENT_TYPE })));
    const index = results.findIndex((result) => !result.ok);
    if (index < 0) return;
    const { status, error } = results[index];
    const url = urls[index];
    throw new UnprocessableEntityException({
      error: 'endpoint_verification_failed',
      message: `The webhook.test sent to ${url} did not get a 2xx answer (${error ?? `HTTP ${status}`}); nothing was saved`,
      url,
      status,
    });
  }
}
