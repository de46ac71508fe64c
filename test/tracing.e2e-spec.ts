import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { loadConfig } from '../libs/config/src';
import { startTracing, stopTracing } from '../libs/tracing/src';
import type { Account, Hub } from './harness';
import { applyInstrumentationsInJest } from './support/jest-instrumentation';
import type * as EndpointFixture from './support/endpoint-fixture';
import type * as Receivers from './support/receiver';

/**
 * One piece of work followed end to end in one trace: the inbound request,
 * the Bull jobs (context carried in the job) and each delivery attempt with
 * its outbound HTTP call, read from an in-memory exporter. Tracing starts
 * before the hub's modules load, as bootHub does (the instrumentations'
 * patches applied to the modules Jest loads: see jest-instrumentation.ts).
 */
describe('OpenTelemetry traces from the inbound request to each delivery attempt', () => {
  const exporter = new InMemorySpanExporter();
  let hub: Hub;
  let a: Account;
  // Modules that require node:http (and the hub's) load after startTracing, as in bootHub.
  let Receiver: typeof Receivers.Receiver;
  let eventually: typeof Receivers.eventually;
  let seedEndpoint: typeof EndpointFixture.seedEndpoint;
  let receiver: Receivers.Receiver;

  const spans = () => exporter.getFinishedSpans();
  const inTrace = (traceId: string) => spans().filter((s) => s.spanContext().traceId === traceId);
  const parentOf = (span: ReadableSpan) => spans().find((s) => s.spanContext().spanId === span.parentSpanContext?.spanId);
  /** The names from this span up to the root of its trace (each a parent of the one before). */
  const ancestry = (span: ReadableSpan): string[] => {
    const names: string[] = [];
    for (let at: ReadableSpan | undefined = span; at; at = parentOf(at)) names.push(at.name);
    return names;
  };
  const one = (found: ReadableSpan[], what: string): ReadableSpan => {
    if (found.length !== 1) throw new Error(`${found.length} spans for ${what}: ${spans().map((s) => s.name).join(', ')}`);
    return found[0];
  };

  beforeAll(async () => {
    const config = loadConfig({ JWT_SECRET: 'e2e-jwt-secret-0123456789abcdef0123', APP_SECRET_KEY: 'e2e-app-secret-0123456789abcdef0123', OTEL_SERVICE_NAME: 'hub-under-test' });
    expect(startTracing(config, { roles: { api: true, worker: true }, spanProcessor: new SimpleSpanProcessor(exporter), withInstrumentations: applyInstrumentationsInJest })).toBe(
      true,
    );
    const { startHub } = await import('./harness');
    ({ Receiver, eventually } = await import('./support/receiver'));
    ({ seedEndpoint } = await import('./support/endpoint-fixture'));
    hub = await startHub();
    a = await hub.signup();
    receiver = await new Receiver().start();
  });
  afterAll(async () => {
    await receiver?.stop();
    await hub?.close();
    await stopTracing();
  });

  it('follows a trigger webhook call through the stored request, both jobs and the attempt to the receiver, in one trace', async () => {
    const workflow = await hub.request('POST', '/api/workflows', { token: a.token, body: { name: 'Traced', steps: [] } });
    expect(workflow.status).toBe(201);
    const webhookId: string = workflow.body.trigger.webhook_id;
    const { id: endpointId } = await seedEndpoint(hub, a.accountId, { url: receiver.url('/traced'), event_types: ['workflow.enrolled'] });

    const answer = await hub.request('POST', `/api/automation/webhook/${webhookId}`, { body: { email: 'traced@example.com', plan: 'pro' } });
    expect(answer.status).toBe(200);
    await receiver.waitFor(1);
    const [request] = await hub.sql('SELECT id, inbound_log_id FROM workflow_trigger_requests WHERE webhook_id = $1', [webhookId]);

    const server = one(
      spans().filter((s) => s.kind === SpanKind.SERVER && s.attributes['webhook_hub.trigger_request.id'] === request.id),
      'the trigger request',
    );
    expect(server.name).toBe('POST /api/automation/webhook/:webhookId');
    expect(server.attributes).toMatchObject({
      'http.route': '/api/automation/webhook/:webhookId',
      'url.path': '/api/automation/webhook/:webhookId',
      'webhook_hub.inbound_log.id': request.inbound_log_id,
      'http.response.status_code': 200,
    });
    expect(server.resource.attributes['service.name']).toBe('hub-under-test');
    // The webhook id is a capability: no attribute of any span holds it.
    expect(JSON.stringify(spans().map((s) => s.attributes))).not.toContain(webhookId);

    const traceId = server.spanContext().traceId;
    // The stored row: the statement that stored the request, and the Redis round trip that queued its job, in the request's trace.
    const below = (span: ReadableSpan) => inTrace(traceId).filter((s) => s.parentSpanContext?.spanId === span.spanContext().spanId);
    expect(below(server).some((s) => s.attributes['db.system.name'] === 'postgresql' && String(s.attributes['db.query.text']).includes('INSERT INTO workflow_trigger_requests'))).toBe(true);
    expect(inTrace(traceId).some((s) => s.attributes['db.system.name'] === 'redis' && ancestry(s).at(-1) === server.name)).toBe(true);
    const attempt = await eventually(async () => inTrace(traceId).find((s) => s.name === 'webhook attempt'));
    const outbound = await eventually(async () => inTrace(traceId).find((s) => s.kind === SpanKind.CLIENT && s.parentSpanContext?.spanId === attempt.spanContext().spanId));
    expect(ancestry(outbound)).toEqual(['POST', 'webhook attempt', 'webhook-delivery process', 'workflow-trigger process', server.name]);
    const [triggerJob, deliveryJob] = ['workflow-trigger process', 'webhook-delivery process'].map((name) => one(inTrace(traceId).filter((s) => s.name === name), name));
    expect([triggerJob.kind, deliveryJob.kind]).toEqual([SpanKind.CONSUMER, SpanKind.CONSUMER]);
    expect(triggerJob.attributes).toMatchObject({ 'messaging.system': 'bull', 'messaging.destination.name': 'workflow-trigger' });

    const [delivery] = await hub.sql("SELECT id, event_id FROM deliveries WHERE endpoint_id = $1 AND status = 'succeeded'", [endpointId]);
    const port = new URL(receiver.url()).port;
    expect(attempt.attributes).toEqual({
      'webhook_hub.endpoint.id': endpointId,
      'webhook_hub.delivery.id': delivery.id,
      'webhook_hub.event.id': delivery.event_id,
      'webhook_hub.event.type': 'workflow.enrolled',
      'webhook_hub.attempt': 1,
      'server.address': `127.0.0.1:${port}`,
      'http.response.status_code': 200,
      'webhook_hub.outcome': 'succeeded',
      'webhook_hub.attempt.duration_ms': expect.any(Number),
    });
    expect(outbound.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.response.status_code': 200, 'url.full': `http://127.0.0.1:${port}`, 'url.path': '' });
    // The receiver got the attempt's context: a receiver that traces joins the trace.
    expect(receiver.received[0].headers.traceparent).toBe(`00-${traceId}-${outbound.spanContext().spanId}-01`);
  });

  it('follows a published event to a failed attempt and its retry, each attempt a span with its number and outcome', async () => {
    const failing = new Receiver();
    failing.respond = (_request, n) => (n === 1 ? { status: 503, body: 'busy' } : { status: 204 });
    await failing.start();
    try {
      const b = await hub.signup();
      const { id: endpointId } = await seedEndpoint(hub, b.accountId, { url: failing.url() });
      const published = await hub.request('POST', '/api/events', { token: b.token, body: { type: 'custom.traced', data: { n: 1 } } });
      expect(published.status).toBe(202);
      await failing.waitFor(2, 30000);
      const server = one(spans().filter((s) => s.attributes['webhook_hub.event.id'] === published.body.id && s.kind === SpanKind.SERVER), 'the publish request');
      expect(server.name).toBe('POST /api/events');
      const attempts = await eventually(async () => {
        const found = inTrace(server.spanContext().traceId).filter((s) => s.name === 'webhook attempt');
        return found.length === 2 && found;
      }, 30000);
      const [first, second] = attempts.sort((x, y) => Number(x.attributes['webhook_hub.attempt']) - Number(y.attributes['webhook_hub.attempt']));
      expect(first.attributes).toMatchObject({ 'webhook_hub.endpoint.id': endpointId, 'webhook_hub.attempt': 1, 'http.response.status_code': 503, 'webhook_hub.outcome': 'retry' });
      expect(first.status).toMatchObject({ code: 2, message: 'HTTP 503' });
      expect(second.attributes).toMatchObject({ 'webhook_hub.endpoint.id': endpointId, 'webhook_hub.attempt': 2, 'http.response.status_code': 204, 'webhook_hub.outcome': 'succeeded' });
      // The retry's job was enqueued by the first attempt, so it continues the same trace beneath it.
      expect(ancestry(first)).toEqual(['webhook attempt', 'webhook-delivery process', 'POST /api/events']);
      expect(ancestry(second)).toEqual(['webhook attempt', 'webhook-delivery process', 'webhook attempt', 'webhook-delivery process', 'POST /api/events']);
    } finally {
      await failing.stop();
    }
  });

  it('exposes the per-endpoint outcome counter and latency histogram on /metrics after a delivery', async () => {
    const [delivered] = await hub.sql("SELECT endpoint_id FROM deliveries WHERE status = 'succeeded' AND url = $1", [receiver.url('/traced')]);
    const metrics = await hub.request('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain(`webhook_hub_endpoint_deliveries_total{endpoint_id="${delivered.endpoint_id}",outcome="succeeded"} 1`);
    expect(metrics.text).toContain(`webhook_hub_endpoint_attempt_duration_seconds_count{endpoint_id="${delivered.endpoint_id}"} 1`);
    expect(metrics.text).toMatch(new RegExp(`webhook_hub_endpoint_attempt_duration_seconds_bucket\\{le="10",endpoint_id="${delivered.endpoint_id}"\\} 1`));
    // The hub-wide series stay.
    expect(metrics.text).toMatch(/webhook_hub_deliveries_total\{outcome="succeeded"\} \d+/);
    expect(metrics.text).toMatch(/webhook_hub_attempt_duration_seconds_count \d+/);
  });
});
