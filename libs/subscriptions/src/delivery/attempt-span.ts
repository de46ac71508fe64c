import { isTracing, runInWorkSpan } from '@hub/tracing';
import type { Endpoint } from '../endpoints/endpoint.entity';
import type { AttemptResult } from '../sending/webhook-sender';
import type { AttemptOutcome } from '../queues/webhook-delivery/webhook-delivery.queue';
import type { Delivery } from './delivery.entity';

/** What an attempt reports into its span once the receiver answered (or did not). */
export interface AttemptSpan {
  report(result: AttemptResult, outcome: AttemptOutcome['kind']): void;
}

const UNTRACED: AttemptSpan = { report: () => undefined };

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/**
 * One span per delivery attempt, `webhook attempt`, around rendering, the send
 * (undici's HTTP client span is its child), recording and scheduling: which
 * endpoint, which host (never the full URL, which may hold a token in its
 * path or query), the attempt's number, the receiver's status and the
 * outcome. A failed attempt marks the span failed. Nothing when tracing is off.
 */
export function traceAttempt(delivery: Delivery, endpoint: Endpoint, attempt: (span: AttemptSpan) => Promise<void>): Promise<void> {
  if (!isTracing()) return attempt(UNTRACED);
  const attributes = {
    'webhook_hub.endpoint.id': endpoint.id,
    'webhook_hub.delivery.id': delivery.id,
    'webhook_hub.event.id': delivery.event_id,
    'webhook_hub.event.type': delivery.event_type,
    'webhook_hub.attempt': delivery.attempt_count,
    'server.address': hostOf(delivery.url),
  };
  return runInWorkSpan('webhook attempt', attributes, (span) =>
    attempt({
      report(result, outcome) {
        span.setAttributes({ 'webhook_hub.outcome': outcome, 'webhook_hub.attempt.duration_ms': result.durationMs });
        if (result.statusCode !== null) span.setAttributes({ 'http.response.status_code': result.statusCode });
        if (outcome !== 'succeeded') span.fail(result.error ?? `HTTP ${result.statusCode}`);
      },
    }),
  );
}
