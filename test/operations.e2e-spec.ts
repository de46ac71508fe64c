import { Hub, startHub } from './harness';

describe('operations (SPEC §5)', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  it('reports db and redis health', async () => {
    const res = await hub.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up', redis: 'up' });
  });

  it('serves Prometheus metrics including inbound requests and queue depth', async () => {
    await hub.request('POST', '/api/auth/login', { body: { email: 'x@example.com', password: 'whatever-123' } });
    const res = await hub.request('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(res.text).toContain('webhook_hub_inbound_requests_total');
    expect(res.text).toContain('webhook_hub_deliveries_total');
    expect(res.text).toContain('process_resident_memory_bytes');
    expect(res.text).toMatch(/webhook_hub_queue_depth\{queue="webhook-delivery",state="waiting"\} \d+/);
  });

  it('documents every route with an example in Swagger', async () => {
    const ui = await hub.request('GET', '/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
    const doc = await hub.request('GET', '/api/docs-json');
    expect(doc.status).toBe(200);
    const missing: string[] = [];
    for (const [path, ops] of Object.entries<Record<string, any>>(doc.body.paths)) {
      for (const [method, op] of Object.entries<any>(ops)) {
        if (!op.summary) missing.push(`${method.toUpperCase()} ${path}: no summary`);
        const ok = Object.entries<any>(op.responses).find(([status]) => status.startsWith('2'));
        if (!ok) missing.push(`${method.toUpperCase()} ${path}: no 2xx response`);
      }
    }
    expect(missing).toEqual([]);
    expect(doc.body.paths['/api/auth/signup'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/SignupDto');
    expect(doc.body.components.schemas.SignupDto.properties.email.example).toBe('ops@example.com');
  });

  it('purges inbound logs older than the retention', async () => {
    await hub.sql(`INSERT INTO inbound_logs (source, method, url, headers, status_code, outcome, created_at)
      VALUES ('probe', 'POST', '/old', '{}', 200, 'accepted', now() - interval '40 days'),
             ('probe', 'POST', '/new', '{}', 200, 'accepted', now() - interval '1 day')`);
    const { InboundLogRetention: InboundLogRetentionProcessor } = await import('../libs/inbound-log/src');
    const purged = await hub.app.get(InboundLogRetentionProcessor).purgeOlderThan(30);
    expect(purged).toBe(1);
    expect((await hub.sql('SELECT url FROM inbound_logs')).map((r) => r.url)).toEqual(['/new']);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await hub.request('GET', '/api/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Route GET /api/does-not-exist not found' });
  });
});
