import type { Instrumentation } from '@opentelemetry/instrumentation';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { AppConfig } from '@hub/config';
import { isTracing, setTracing } from './tracing-state';

export interface TracingOptions {
  /** Which roles this process runs: the default service.name says it. */
  roles: { api: boolean; worker: boolean };
  /** Tests: spans go here (an InMemorySpanExporter's processor) instead of OTLP, and tracing is on without an endpoint. */
  spanProcessor?: SpanProcessor;
  /**
   * Tests: Jest loads modules itself, past the Node require hook the
   * instrumentations patch through, so a test applies their patches to the
   * modules Jest loaded (test/support/jest-instrumentation.ts).
   */
  withInstrumentations?: (instrumentations: Instrumentation[]) => void;
}

/** Paths whose requests make no span: probes and scrapes, every few seconds. */
const UNTRACED_PATHS = new Set(['/api/health', '/metrics']);

// Attributes the instrumentations would fill from a URL, blanked: an endpoint's URL may be a capability too (a chat
// app's incoming-webhook URL), so outbound spans keep only its origin (and server.address).
const NO_URL = { 'url.path': '', 'url.query': '' };

let shutdown: (() => Promise<void>) | undefined;

function defaultServiceName(roles: TracingOptions['roles']): string {
  if (roles.api && roles.worker) return 'webhook-hub';
  return roles.api ? 'webhook-hub-api' : 'webhook-hub-worker';
}

/**
 * Starts OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set (or a
 * test hands a span processor); otherwise loads nothing and returns false.
 * Must run before http, pg and ioredis are first required: the
 * instrumentations patch them as they load (the entrypoints call it first and
 * only then load the app).
 *
 * The SDK packages are required here, lazily, so a hub without the variable
 * never loads them. The OTLP exporter, the batch processor and the sampler
 * read their standard OTEL_* variables themselves (README, Tracing).
 */
export function startTracing(config: AppConfig, options: TracingOptions): boolean {
  if (isTracing()) return true;
  if (!config.otlpEndpoint && !options.spanProcessor) return false;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { defaultResource, detectResources, envDetector, resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const { IORedisInstrumentation } = require('@opentelemetry/instrumentation-ioredis') as typeof import('@opentelemetry/instrumentation-ioredis');
  const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  /* eslint-enable @typescript-eslint/no-require-imports */

  const resource = defaultResource()
    .merge(detectResources({ detectors: [envDetector] }))
    .merge(resourceFromAttributes({ 'service.name': config.otelServiceName ?? defaultServiceName(options.roles) }));
  const provider = new NodeTracerProvider({
    resource,
    // The exporter takes its URL (OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces, or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT), headers and timeout from the environment.
    spanProcessors: [options.spanProcessor ?? new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // AsyncLocalStorage context, W3C traceparent + baggage propagation.
  provider.register();
  const instrumentations: Instrumentation[] = [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0]),
      // A path may hold a capability (the trigger's webhook id, an unsubscribe token) and a query a credential (Meta's
      // hub.verify_token): neither is recorded here; the route hook sets url.path with those parameters left out.
      startIncomingSpanHook: () => NO_URL,
      // Outbound calls of the hub go through undici; node:http clients (nodemailer's SNS/SMTP aside) only inside a trace.
      requireParentforOutgoingSpans: true,
    }),
    // Queries and Redis commands outside a traced request or job (Bull's polling and lock renewals, the sweeper's
    // reads) would each be a one-span trace: only those with a parent are recorded.
    new PgInstrumentation({ requireParentSpan: true }),
    new IORedisInstrumentation({ requireParentSpan: true }),
    // The webhook sends (and the workflow http_request step): children of their attempt's span.
    new UndiciInstrumentation({ requireParentforSpans: true, startSpanHook: (request) => ({ ...NO_URL, 'url.full': request.origin }) }),
  ];
  registerInstrumentations({ tracerProvider: provider, instrumentations });
  options.withInstrumentations?.(instrumentations);
  shutdown = () => provider.shutdown();
  setTracing(true);
  return true;
}

/** Exports the spans still buffered and stops (graceful shutdown; tests). A no-op when tracing is off. */
export async function stopTracing(): Promise<void> {
  const stop = shutdown;
  shutdown = undefined;
  setTracing(false);
  if (stop) await stop().catch(() => undefined);
}
