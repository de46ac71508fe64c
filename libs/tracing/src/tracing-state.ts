import { trace, Tracer } from '@opentelemetry/api';

let tracing = false;

/**
 * Whether this process traces. Every hook on a hot path asks this first and
 * does nothing else when it is false: with OTEL_EXPORTER_OTLP_ENDPOINT unset a
 * request or job pays one boolean read.
 */
export function isTracing(): boolean {
  return tracing;
}

export function setTracing(on: boolean): void {
  tracing = on;
}

/** The hub's own spans (job, attempt); the instrumentations make the HTTP, PostgreSQL and Redis ones. */
export function hubTracer(): Tracer {
  return trace.getTracer('webhook-hub');
}
