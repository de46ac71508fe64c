import { context, SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { loadConfig } from '@hub/config';
import { startTracing, stopTracing } from './start-tracing';
import { activeTraceparent, jobTraceFields, runAsItem, runInWorkSpan, runJobInSpan, stampWithActiveTrace } from './work-trace';

const config = loadConfig({ JWT_SECRET: 'unit-jwt-secret-0123456789abcdef0123', APP_SECRET_KEY: 'unit-app-secret-0123456789abcdef0123' });

describe('work tracing (jobs carry the trace that stored their work)', () => {
  const exporter = new InMemorySpanExporter();
  const tracer = () => trace.getTracer('test');
  const named = (name: string): ReadableSpan => {
    const span = exporter.getFinishedSpans().find((s) => s.name === name);
    if (!span) throw new Error(`no span ${name} among ${exporter.getFinishedSpans().map((s) => s.name).join(', ')}`);
    return span;
  };
  /** The traceparent of a finished-or-not request span, and the span itself. */
  const request = (name: string) => {
    const span = tracer().startSpan(name, { kind: SpanKind.SERVER });
    const traceparent = context.with(trace.setSpan(context.active(), span), () => activeTraceparent());
    return { span, traceparent: traceparent as string };
  };

  beforeAll(() => {
    expect(activeTraceparent()).toBeUndefined(); // off: nothing is stamped
    expect(startTracing(config, { roles: { api: true, worker: true }, spanProcessor: new SimpleSpanProcessor(exporter) })).toBe(true);
  });
  afterAll(() => stopTracing());
  beforeEach(() => exporter.reset());

  it('stamps work with the active trace and keeps a trace work already carries', () => {
    const a = request('a');
    const items = context.with(trace.setSpan(context.active(), a.span), () => stampWithActiveTrace<{ id: string; trace?: string }>([{ id: '1' }, { id: '2', trace: 'kept' }]));
    expect(a.traceparent).toMatch(new RegExp(`^00-${a.span.spanContext().traceId}-${a.span.spanContext().spanId}-01$`));
    expect(items).toEqual([
      { id: '1', trace: a.traceparent },
      { id: '2', trace: 'kept' },
    ]);
    expect(stampWithActiveTrace<{ id: string; trace?: string }>([{ id: '3' }])).toEqual([{ id: '3' }]); // outside any span (the sweeper)
  });

  it('gives a job one trace when its items share it, one per item when they do not', () => {
    expect(jobTraceFields([{ trace: 'x' }, { trace: 'x' }])).toEqual({ trace: 'x' });
    expect(jobTraceFields([{ trace: 'x' }, {}, { trace: 'y' }])).toEqual({ traces: ['x', '', 'y'] });
    expect(jobTraceFields([{}, {}])).toEqual({});
  });

  it('continues the trace of a job whose items share one: job span, then the item span, as children', async () => {
    const a = request('request a');
    await runJobInSpan('q', { id: 7, data: { trace: a.traceparent } }, () => runAsItem({ data: { trace: a.traceparent } }, 0, () => runInWorkSpan('item', { n: 1 }, async () => undefined)));
    a.span.end();
    const job = named('q process');
    const item = named('item');
    expect(job.kind).toBe(SpanKind.CONSUMER);
    expect(job.spanContext().traceId).toBe(a.span.spanContext().traceId);
    expect(job.parentSpanContext?.spanId).toBe(a.span.spanContext().spanId);
    expect(job.attributes).toMatchObject({ 'messaging.destination.name': 'q', 'messaging.message.id': '7' });
    expect(item.parentSpanContext?.spanId).toBe(job.spanContext().spanId);
    expect(item.links).toEqual([]);
  });

  it('gives a job serving several traces its own trace linked to each, and runs each item in its own trace linked to the job', async () => {
    const a = request('request a');
    const b = request('request b');
    const job = { id: 'j', data: { traces: [a.traceparent, b.traceparent, a.traceparent] } };
    await runJobInSpan('q', job, () => Promise.all([0, 1].map((index) => runAsItem(job, index, () => runInWorkSpan(`item ${index}`, {}, async () => undefined)))));
    const jobSpan = named('q process');
    expect(jobSpan.parentSpanContext).toBeUndefined();
    expect(jobSpan.spanContext().traceId).not.toBe(a.span.spanContext().traceId);
    expect(jobSpan.links.map((l) => l.context.spanId).sort()).toEqual([a.span.spanContext().spanId, b.span.spanContext().spanId].sort());
    expect(jobSpan.attributes['messaging.batch.message_count']).toBe(3);
    for (const [index, origin] of [a, b].entries()) {
      const item = named(`item ${index}`);
      expect(item.spanContext().traceId).toBe(origin.span.spanContext().traceId);
      expect(item.parentSpanContext?.spanId).toBe(origin.span.spanContext().spanId);
      expect(item.links.map((l) => l.context.spanId)).toEqual([jobSpan.spanContext().spanId]);
    }
  });

  it('marks the job span failed when the job throws, and still throws', async () => {
    await expect(runJobInSpan('q', { data: {} }, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const job = named('q process');
    expect(job.status).toMatchObject({ code: 2, message: 'boom' });
    expect(job.parentSpanContext).toBeUndefined(); // a job carrying no trace (the sweeper's) starts one
  });
});
