import { Attributes, Context, context, createContextKey, Link, propagation, ROOT_CONTEXT, Span, SpanContext, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { hubTracer, isTracing } from './tracing-state';

/**
 * How a trace crosses Redis: a job carries the W3C traceparent of the span
 * that stored its work. `trace` when every item of the job came from one
 * trace (one request, one fan-out), else `traces`, one per item in the order
 * of the job's ids ('' for an item stored outside any trace: the sweeper's).
 */
export interface TracedJob {
  trace?: string;
  traces?: string[];
}

/** Something stored that a job will carry, with the traceparent of where it was stored. */
export interface TracedItem {
  trace?: string;
}

// The job span an item span should link to when the item runs in its own trace (a job that mixes traces).
const BATCH_JOB_SPAN = createContextKey('webhook-hub.batch-job-span');

/** The W3C traceparent of the active span, or undefined (tracing off, or nothing traced here). */
export function activeTraceparent(): string | undefined {
  if (!isTracing()) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/**
 * Stamps work about to be queued with the active trace (items that carry one
 * already keep it). Called where the work is handed to its producer, in the
 * context of the request or job that stored it: the producer's Redis round
 * trip is shared with other callers and runs in none of their contexts.
 * Returns the same array when tracing is off.
 */
export function stampWithActiveTrace<T extends TracedItem>(items: T[]): T[] {
  const traceparent = activeTraceparent();
  if (!traceparent) return items;
  return items.map((item) => (item.trace ? item : { ...item, trace: traceparent }));
}

/** The job data's trace fields for these items (none when no item carries a trace). */
export function jobTraceFields(items: TracedItem[]): TracedJob {
  const first = items[0]?.trace;
  if (!items.some((item) => item.trace)) return {};
  if (items.every((item) => item.trace === first)) return { trace: first };
  return { traces: items.map((item) => item.trace ?? '') };
}

function remoteContext(traceparent: string | undefined): SpanContext | undefined {
  if (!traceparent) return undefined;
  return trace.getSpanContext(propagation.extract(ROOT_CONTEXT, { traceparent }));
}

/**
 * Runs a Bull job inside a consumer span `<queue> process`. A job whose items
 * share one trace continues it (parent/child); a job that serves several
 * traces (the producers coalesce work of different requests into one job)
 * starts a trace of its own with a link to each, and each item can run in its
 * own trace again (itemContext). Without tracing: just runs.
 */
export function runJobInSpan<T>(queue: string, job: { id?: string | number; data: unknown }, work: () => Promise<T>): Promise<T> {
  if (!isTracing()) return work();
  const data = (job.data ?? {}) as TracedJob;
  const shared = remoteContext(data.trace);
  const linked = data.traces ? [...new Set(data.traces)].map(remoteContext).filter((c): c is SpanContext => c !== undefined) : [];
  const parent = shared ? trace.setSpanContext(ROOT_CONTEXT, shared) : ROOT_CONTEXT;
  const attributes: Attributes = {
    'messaging.system': 'bull',
    'messaging.operation.type': 'process',
    'messaging.destination.name': queue,
    'messaging.message.id': String(job.id ?? ''),
  };
  if (data.traces) attributes['messaging.batch.message_count'] = data.traces.length;
  const span = hubTracer().startSpan(`${queue} process`, { kind: SpanKind.CONSUMER, attributes, links: linked.map((c): Link => ({ context: c })) }, parent);
  let active = trace.setSpan(parent, span);
  if (data.traces) active = active.setValue(BATCH_JOB_SPAN, span.spanContext());
  return context.with(active, () => settle(span, work()));
}

/**
 * The context item `index` of the running job should run in: its own trace
 * when the job mixes traces (its spans then link back to the job's span),
 * else the job's. Without tracing: the active context, untouched.
 */
export function itemContext(job: { data: unknown }, index: number): Context {
  const active = context.active();
  const traces = (job.data as TracedJob | undefined)?.traces;
  if (!isTracing() || !traces) return active;
  const own = remoteContext(traces[index]);
  return own ? trace.setSpanContext(active, own) : active;
}

/** Runs `work` in item `index`'s context (itemContext). */
export function runAsItem<T>(job: { data: unknown }, index: number, work: () => Promise<T>): Promise<T> {
  if (!isTracing()) return work();
  return context.with(itemContext(job, index), work);
}

/** The part of a work span that work reports into; a no-op when tracing is off. */
export interface WorkSpan {
  setAttributes(attributes: Attributes): void;
  /** Marks the span failed with this description (the work itself went on normally). */
  fail(description: string): void;
}

const NO_SPAN: WorkSpan = { setAttributes: () => undefined, fail: () => undefined };

/**
 * Runs `work` in an internal span named `name`, a child of the active
 * context, linked to the batch job's span when it runs in a trace of its own.
 */
export function runInWorkSpan<T>(name: string, attributes: Attributes, work: (span: WorkSpan) => Promise<T>): Promise<T> {
  if (!isTracing()) return work(NO_SPAN);
  const active = context.active();
  const jobSpan = active.getValue(BATCH_JOB_SPAN) as SpanContext | undefined;
  const parent = trace.getSpanContext(active);
  const links = jobSpan && parent?.traceId !== jobSpan.traceId ? [{ context: jobSpan }] : [];
  const span = hubTracer().startSpan(name, { attributes, links }, active);
  const reported: WorkSpan = {
    setAttributes: (more) => span.setAttributes(more),
    fail: (description) => span.setStatus({ code: SpanStatusCode.ERROR, message: description }),
  };
  return context.with(trace.setSpan(active, span), () => settle(span, work(reported)));
}

/** Adds attributes to the active span (the inbound request's, say): what it stored. A no-op when tracing is off. */
export function annotateActiveSpan(attributes: Attributes): void {
  if (!isTracing()) return;
  trace.getActiveSpan()?.setAttributes(attributes);
}

async function settle<T>(span: Span, running: Promise<T>): Promise<T> {
  try {
    return await running;
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Names the inbound request's span by its route (`POST /api/automation/webhook/:webhookId`), sets http.route, and
 * url.path with the path parameters filled in except `secretParams` (capabilities: a webhook id, an unsubscribe
 * token), which stay `:name` as in the request log. The http instrumentation records no path (startTracing).
 */
export function nameActiveRequestSpan(request: { method: string; route?: string; params?: unknown }, secretParams: readonly string[]): void {
  if (!isTracing() || !request.route) return;
  const span = trace.getActiveSpan();
  if (!span) return;
  const params = (request.params ?? {}) as Record<string, string>;
  const path = request.route.replace(/:(\w+)/g, (match, name: string) => (secretParams.includes(name) ? match : encodeURIComponent(params[name] ?? '')));
  span.updateName(`${request.method} ${request.route}`);
  span.setAttributes({ 'http.route': request.route, 'url.path': path });
}
