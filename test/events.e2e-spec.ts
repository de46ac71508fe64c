import { Account, Hub, startHub } from './harness';
import { seedEndpoint } from './support/endpoint-fixture';

describe('event store and catalog (SPEC §3)', () => {
  let hub: Hub;
  let a: Account;
  beforeAll(async () => {
    hub = await startHub();
    a = await hub.signup();
  });
  afterAll(async () => {
    await hub.close();
  });

  it('serves the whole catalog with a schema and an example per type', async () => {
    const res = await hub.request('GET', '/api/event-types', { token: a.token });
    expect(res.status).toBe(200);
    const types = res.body.map((t: { type: string }) => t.type);
    for (const type of ['contact.created', 'message.bounced', 'lead.captured', 'workflow.completed', 'webhook.test', 'endpoint.disabled', 'delivery.exhausted']) {
      expect(types).toContain(type);
    }
    const contactCreated = res.body.find((t: { type: string }) => t.type === 'contact.created');
    expect(contactCreated.schema).toMatchObject({ type: 'object', required: expect.arrayContaining(['id', 'email']) });
    expect(contactCreated.example.id).toEqual(expect.any(String));
  });

  it('stores a published event before answering 202 with its id', async () => {
    const res = await hub.request('POST', '/api/events', { token: a.token, body: { type: 'custom.order_paid', data: { order_id: 'A-1', total: 12.5 } } });
    expect(res.status).toBe(202);
    expect(res.body.id).toMatch(/^evt_[0-9A-HJKMNP-TV-Z]{26}$/);
    const [row] = await hub.sql('SELECT * FROM events WHERE id = $1', [res.body.id]);
    expect(row).toMatchObject({ account_id: a.accountId, type: 'custom.order_paid', data: { order_id: 'A-1', total: 12.5 } });
    // Fanned out in the publishing transaction (to no endpoint: the account has none).
    expect(row.dispatched_at).toEqual(row.created_at);
  });

  it('makes a repeat with the same Idempotency-Key answer the same id without a second event', async () => {
    const send = () => hub.request('POST', '/api/events', { token: a.token, headers: { 'idempotency-key': 'order-77' }, body: { type: 'custom.order_paid', data: { order_id: '77' } } });
    const [first, second, third] = await Promise.all([send(), send(), send()]);
    expect(new Set([first.body.id, second.body.id, third.body.id]).size).toBe(1);
    expect(await hub.sql("SELECT count(*)::int AS n FROM events WHERE idempotency_key = 'order-77'")).toEqual([{ n: 1 }]);
    const other = await hub.signup();
    const theirs = await hub.request('POST', '/api/events', { token: other.token, headers: { 'idempotency-key': 'order-77' }, body: { type: 'custom.order_paid', data: {} } });
    expect(theirs.body.id).not.toBe(first.body.id);
  });

  it('checks catalog types against their schema and names the bad field', async () => {
    const res = await hub.request('POST', '/api/events', { token: a.token, body: { type: 'contact.created', data: { id: 'c1' } } });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'data.email' })]));
    expect(await hub.sql("SELECT 1 FROM events WHERE type = 'contact.created' AND account_id = $1", [a.accountId])).toHaveLength(0);
  });

  it('refuses unknown and reserved types, unknown fields and a foreign channel', async () => {
    const unknown = await hub.request('POST', '/api/events', { token: a.token, body: { type: 'order.paid', data: {} } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].field).toBe('type');
    const reserved = await hub.request('POST', '/api/events', { token: a.token, body: { type: 'webhook.test', data: {} } });
    expect(reserved.status).toBe(400);
    const extra = await hub.request('POST', '/api/events', { token: a.token, body: { type: 'custom.x', data: {}, account_id: a.accountId } });
    expect(extra.status).toBe(400);
    expect(extra.body.details).toEqual([{ field: 'account_id', message: 'property account_id should not exist' }]);
    const channel = await hub.request('POST', '/api/events', { token: a.token, body: { type: 'custom.x', data: {}, channel_id: '00000000-0000-4000-8000-000000000000' } });
    expect(channel.status).toBe(404);
    const noData = await hub.request('POST', '/api/events', { token: a.token, body: { type: 'custom.x' } });
    expect(noData.status).toBe(400);
    expect(noData.body.details[0].field).toBe('data');
    const nul = await hub.request('POST', '/api/events', { token: a.token, body: { type: 'custom.x', data: { note: 'a\u0000b' } } });
    // Refused by the request guard before the route (test/hostile-input.e2e-spec.ts covers the class).
    expect([nul.status, nul.body.details]).toEqual([400, [{ field: 'data.note', message: 'data.note must not contain the NUL character (\\u0000)' }]]);
  });

  it('stores each of many concurrent events with its own deliveries (they share a statement), each answered only once stored', async () => {
    const c = await hub.signup();
    const endpoint = await seedEndpoint(hub, c.accountId, { url: 'https://receiver.example.com/hook', event_types: ['custom.many'] });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => hub.request('POST', '/api/events', { token: c.token, body: { type: i % 2 ? 'custom.many' : 'custom.other', data: { i } } })),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(40).fill(202));
    const stored = await hub.sql<{ id: string; type: string; i: number; deliveries: string[] }>(
      `SELECT e.id, e.type, (e.data->>'i')::int AS i, array_remove(array_agg(d.endpoint_id::text), NULL) AS deliveries
         FROM events e LEFT JOIN deliveries d ON d.event_id = e.id WHERE e.account_id = $1 GROUP BY e.id ORDER BY i`,
      [c.accountId],
    );
    expect(stored.map((e) => e.id)).toEqual(answers.map((r) => r.body.id));
    expect(stored.map((e) => [e.i, e.type, e.deliveries])).toEqual(Array.from({ length: 40 }, (_, i) => [i, i % 2 ? 'custom.many' : 'custom.other', i % 2 ? [endpoint.id] : []]));
  });

  it('accepts an API key as well as a JWT', async () => {
    const key = await hub.request('POST', '/api/api-keys', { token: a.token, body: { name: 'publisher' } });
    const res = await hub.request('POST', '/api/events', { token: key.body.key, body: { type: 'custom.ping', data: {} } });
    expect(res.status).toBe(202);
  });
});
