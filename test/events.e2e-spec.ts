import { Account, Hub, startHub } from './harness';

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
  });

  it('accepts an API key as well as a JWT', async () => {
    const key = await hub.request('POST', '/api/api-keys', { token: a.token, body: { name: 'publisher' } });
    const res = await hub.request('POST', '/api/events', { token: key.body.key, body: { type: 'custom.ping', data: {} } });
    expect(res.status).toBe(202);
  });
});
