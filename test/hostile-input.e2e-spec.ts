import { Account, Hub, startHub } from './harness';

/**
 * The request guard (libs/http request-guard): every request, admin or inbound,
 * is checked before any handler runs for what would otherwise end in a 500 —
 * JSON nested too deep, strings PostgreSQL cannot store (NUL, lone UTF-16
 * surrogates) in the body, the query or the path, and list cursors of the
 * wrong shape. Refused inbound requests are still in the inbound log, with the
 * bytes exactly as received.
 */
describe('hostile input: refused before any handler, never a 500', () => {
  let hub: Hub;
  let a: Account;
  let webhookId: string;
  let groupId: string;
  let contactId: string;

  /** A JSON body nested `levels` deep: {"a":{"a":…}} (10,000 levels is ~50 KB). */
  const nested = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
  const trigger = (raw: string | Buffer, contentType = 'application/json') =>
    hub.request('POST', `/api/automation/webhook/${webhookId}`, { raw, contentType });
  const lastInboundLog = async () =>
    (await hub.sql("SELECT *, encode(raw_body_bytes, 'base64') AS bytes64 FROM inbound_logs ORDER BY created_at DESC LIMIT 1"))[0];

  beforeAll(async () => {
    hub = await startHub();
    a = await hub.signup();
    const workflow = await hub.request('POST', '/api/workflows', { token: a.token, body: { name: 'Hostile', steps: [{ type: 'wait', seconds: 3600 }] } });
    webhookId = workflow.body.trigger.webhook_id;
    groupId = (await hub.request('POST', '/api/groups', { token: a.token, body: { name: 'Hostile' } })).body.id;
    contactId = (await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'hostile@example.com' } })).body.id;
  });
  afterAll(async () => {
    await hub.close();
  });

  describe('JSON nesting depth', () => {
    it('refuses a body nested thousands of levels deep on an admin route with 400 naming the limit', async () => {
      const res = await hub.request('POST', '/api/contacts', { token: a.token, raw: nested(10_000) });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'The JSON body is nested deeper than 32 levels' });
    });

    it('refuses it on the public trigger webhook, and logs the request with its raw body first', async () => {
      const raw = nested(10_000);
      const res = await trigger(raw);
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('The JSON body is nested deeper than 32 levels');
      const row = await lastInboundLog();
      expect(row).toMatchObject({ source: 'automation', account_id: a.accountId, status_code: 400, outcome: 'rejected', raw_body: raw, error: 'The JSON body is nested deeper than 32 levels' });
    });

    it("logs trigger calls refused before the handler under the webhook id's account, so its admin sees them", async () => {
      const other = await hub.signup();
      const refused = [await trigger(nested(100)), await trigger('{"email": '), await trigger('email=x', 'text/csv')];
      expect(refused.map((res) => res.status)).toEqual([400, 400, 415]);
      const mine = await hub.request('GET', '/api/inbound-logs?source=automation&limit=3', { token: a.token });
      expect(mine.body.items.map((row: { status_code: number }) => row.status_code)).toEqual([415, 400, 400]);
      const theirs = await hub.request('GET', '/api/inbound-logs?source=automation', { token: other.token });
      expect(theirs.body.items).toEqual([]);
      const unknown = await hub.request('POST', '/api/automation/webhook/no-such-id', { raw: nested(100), contentType: 'application/json' });
      expect(unknown.status).toBe(400);
      expect(await lastInboundLog()).toMatchObject({ url: '/api/automation/webhook/no-such-id', status_code: 400, account_id: null });
    });

    it('accepts 32 levels', async () => {
      const inner = JSON.parse(nested(30)) as Record<string, unknown>;
      const res = await hub.request('POST', `/api/automation/webhook/${webhookId}`, { body: { email: 'deep@example.com', deep: inner } });
      expect(res.status).toBe(200);
    });
  });

  describe('strings PostgreSQL cannot store', () => {
    it('refuses a lone surrogate with 400 naming the field on the contact and group routes', async () => {
      const created = await hub.request('POST', '/api/contacts', { token: a.token, raw: '{"email":"x@example.com","first_name":"\\ud800"}' });
      expect(created.status).toBe(400);
      expect(created.body.details).toEqual([{ field: 'first_name', message: 'first_name contains a lone UTF-16 surrogate (\\ud800), which cannot be stored' }]);

      const patched = await hub.request('PATCH', `/api/contacts/${contactId}`, { token: a.token, raw: '{"custom_fields":{"note":["ok","\\udfff"]}}' });
      expect(patched.status).toBe(400);
      expect(patched.body.details).toEqual([{ field: 'custom_fields.note[1]', message: 'custom_fields.note[1] contains a lone UTF-16 surrogate (\\udfff), which cannot be stored' }]);

      const member = await hub.request('POST', `/api/groups/${groupId}/members`, { token: a.token, raw: '{"email":"\\ud83d@example.com"}' });
      expect(member.status).toBe(400);
      expect(member.body.details[0].field).toBe('email');
      expect(await hub.sql("SELECT count(*)::int AS n FROM contacts WHERE account_id = $1", [a.accountId])).toEqual([{ n: 1 }]);
    });

    it('refuses NUL in a value or in a key, naming where', async () => {
      const value = await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'nul@example.com', last_name: 'a\u0000b' } });
      expect(value.status).toBe(400);
      expect(value.body.details).toEqual([{ field: 'last_name', message: 'last_name must not contain the NUL character (\\u0000)' }]);
      const key = await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'nul@example.com', custom_fields: { 'bad\u0000key': 1 } } });
      expect(key.status).toBe(400);
      expect(key.body.details[0].field).toBe('custom_fields["bad\\u0000key"]');
    });

    it('keeps well-formed surrogate pairs (emoji)', async () => {
      const res = await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'emoji@example.com', first_name: 'Ana 😀' } });
      expect(res.status).toBe(201);
      expect(res.body.first_name).toBe('Ana 😀');
    });

    it('answers 422 on the trigger webhook (valid JSON the hub cannot use) and logs it', async () => {
      const raw = '{"email":"s@example.com","note":"\\ud800"}';
      const res = await trigger(raw);
      expect(res.status).toBe(422);
      expect(res.body.details).toEqual([{ field: 'note', message: 'note contains a lone UTF-16 surrogate (\\ud800), which cannot be stored' }]);
      expect(await lastInboundLog()).toMatchObject({ status_code: 422, outcome: 'rejected', raw_body: raw, account_id: a.accountId });
    });

    it('stores the exact bytes of a refused body holding a NUL byte (form) in the inbound log', async () => {
      const raw = Buffer.from('email=f%40example.com&note=a\u0000b', 'latin1');
      const res = await trigger(raw, 'application/x-www-form-urlencoded');
      expect(res.status).toBe(422);
      expect(res.body.details[0].field).toBe('note');
      const row = await lastInboundLog();
      expect(row).toMatchObject({ status_code: 422, outcome: 'rejected' });
      expect(Buffer.from(row.bytes64, 'base64').equals(raw)).toBe(true);
      expect(row.raw_body).toBe('email=f%40example.com&note=a\ufffdb');
    });

    it('stores the exact bytes of an accepted body that is not UTF-8, and shows them through the API', async () => {
      const raw = Buffer.concat([Buffer.from('{"email":"latin@example.com","city":"M'), Buffer.from([0xe1]), Buffer.from('laga"}')]);
      const res = await trigger(raw);
      expect(res.status).toBe(200);
      const row = await lastInboundLog();
      expect(row.status_code).toBe(200);
      expect(Buffer.from(row.bytes64, 'base64').equals(raw)).toBe(true);
      const detail = await hub.request('GET', `/api/inbound-logs/${row.id}`, { token: a.token });
      expect(detail.body).toMatchObject({ raw_body: '{"email":"latin@example.com","city":"M\ufffdlaga"}', raw_body_base64: raw.toString('base64') });
      // A replay sends the exact bytes again.
      const replay = await hub.request('POST', `/api/inbound-logs/${row.id}/replay`, { token: a.token });
      expect(replay.body.status_code).toBe(200);
      const [replayed] = await hub.sql("SELECT replay_of, encode(raw_body_bytes, 'base64') AS bytes64 FROM inbound_logs WHERE id = $1", [replay.body.log_id]);
      expect(replayed).toEqual({ replay_of: row.id, bytes64: raw.toString('base64') });
    });

    it('a malformed JSON body with a raw NUL byte is answered 400 and still logged, byte for byte', async () => {
      const raw = Buffer.from('{"email":"a\u0000@example.com"}', 'latin1');
      const res = await trigger(raw);
      expect(res.status).toBe(400);
      const row = await lastInboundLog();
      expect(row.status_code).toBe(400);
      expect(Buffer.from(row.bytes64, 'base64').equals(raw)).toBe(true);
    });
  });

  describe('query and path bytes', () => {
    it.each([
      ['/api/contacts?search=%00', 'search'],
      ['/api/messages?to=a%00b', 'to'],
      ['/api/deliveries?event_type=%00', 'event_type'],
      ['/api/inbound-logs?source=%00', 'source'],
      ['/api/contacts?search=%ED%A0%80', 'search'],
      ['/api/contacts?search=caf%E9', 'search'],
      ['/api/groups?limit=5&cursor=%FF', 'cursor'],
    ])('GET %s → 400 naming %s', async (path, field) => {
      const res = await hub.request('GET', path, { token: a.token });
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe(field);
    });

    it('keeps ordinary encoded query values', async () => {
      const res = await hub.request('GET', `/api/contacts?search=${encodeURIComponent('hostile@example.com')}`, { token: a.token });
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      const euro = await hub.request('GET', '/api/contacts?search=%E2%82%AC+100%25', { token: a.token });
      expect(euro.status).toBe(200);
    });

    it('refuses a NUL in a path id, and logs it on an inbound route', async () => {
      const admin = await hub.request('GET', '/api/contacts/a%00b', { token: a.token });
      expect(admin.status).toBe(400);
      expect(admin.body.details[0].field).toBe('id');
      const inbound = await hub.request('POST', '/api/automation/webhook/a%00b', { body: { email: 'p@example.com' } });
      expect(inbound.status).toBe(400);
      expect(await lastInboundLog()).toMatchObject({ status_code: 400, url: '/api/automation/webhook/a%00b', error: 'webhookId must not contain the NUL character (\\u0000)' });
    });
  });

  describe('list cursors', () => {
    const cursorOf = (text: string) => Buffer.from(text).toString('base64url');
    const lists = () => [
      '/api/contacts',
      '/api/groups',
      `/api/groups/${groupId}/members`,
      '/api/workflows',
      '/api/messages',
      '/api/deliveries',
      '/api/inbound-logs',
    ];

    it.each([
      ['an id that is not an id', '2026-01-01T00:00:00.000Z|not-an-id'],
      ['a NUL in the id', '2026-01-01T00:00:00.000Z|\u0000'],
      ['a time PostgreSQL cannot hold', '-271821-04-20T00:00:00.000Z|00000000-0000-4000-8000-000000000000'],
      ['no separator', 'nonsense'],
    ])('answers 400 naming cursor for %s on every paginated list', async (_name, text) => {
      for (const path of lists()) {
        const res = await hub.request('GET', `${path}?cursor=${cursorOf(text)}`, { token: a.token });
        expect([path, res.status, res.body.details]).toEqual([path, 400, [{ field: 'cursor', message: 'cursor is not a valid cursor' }]]);
      }
    });

    it('still pages with the cursors the hub hands out', async () => {
      const first = await hub.request('GET', '/api/contacts?limit=1', { token: a.token });
      expect(first.body.next_cursor).toEqual(expect.any(String));
      const next = await hub.request('GET', `/api/contacts?limit=1&cursor=${first.body.next_cursor}`, { token: a.token });
      expect(next.status).toBe(200);
      expect(next.body.items).toHaveLength(1);
    });
  });
});
