import { Account, Hub, startHub } from './harness';

const SECRET = 'node-secret-for-tests-0123456789';
const auth = { 'x-node-secret': SECRET };

/**
 * The node service's routes (SPEC §4 WhatsApp node service) without a worker:
 * what is checked, recorded and stored before the node is answered.
 */
describe('WhatsApp node service routes: secret, sessions, events stored once', () => {
  let hub: Hub;
  let a: Account;
  let channelId: string;
  let sessionId: string;
  let otherSessionId: string;

  const node = (method: string, path: string, body?: unknown, headers: Record<string, string> = auth) => hub.request(method, path, { body, headers });
  const webhook = (event: string, data: unknown, session = sessionId) => node('POST', '/api/whatsapp/node/webhook', { event, session_id: session, data });
  const upsert = (id: string, text = 'Hi', fromMe = false, jid = '34612345678@s.whatsapp.net') => ({
    key: { remoteJid: jid, fromMe, id },
    message: { conversation: text },
    messageTimestamp: '1764752040',
    pushName: 'María',
  });
  const storedEvents = () => hub.sql<{ kind: string; dedupe_key: string | null; repeats: number; status: string }>('SELECT kind, dedupe_key, repeats, status FROM whatsapp_events ORDER BY created_at, dedupe_key');
  const lastLog = async () => (await hub.sql("SELECT * FROM inbound_logs WHERE source = 'whatsapp' ORDER BY created_at DESC LIMIT 1"))[0];
  const sessionEvents = () => hub.sql<{ data: Record<string, unknown> }>("SELECT data FROM events WHERE type = 'whatsapp.session.updated' ORDER BY id");

  beforeAll(async () => {
    hub = await startHub({ roles: { api: true, worker: false }, env: { WHATSAPP_NODE_SECRET: SECRET } });
    a = await hub.signup();
    const channel = await hub.request('POST', '/api/channels', { token: a.token, body: { type: 'whatsapp', name: 'Support' } });
    channelId = channel.body.id;
    sessionId = channel.body.session_id;
    otherSessionId = (await hub.request('POST', '/api/channels', { token: a.token, body: { type: 'whatsapp', name: 'Sales' } })).body.session_id;
  });
  afterAll(async () => {
    await hub.close();
  });

  describe('X-Node-Secret', () => {
    it.each([
      ['missing', {}],
      ['wrong', { 'x-node-secret': 'node-secret-for-tests-0123456780' }],
      ['a prefix of it', { 'x-node-secret': SECRET.slice(0, 10) }],
    ])('answers 401 when it is %s, on every route, before looking the session up (an unknown session is a 401 too)', async (_name, headers) => {
      for (const [method, path, body] of [
        ['POST', '/api/whatsapp/session/status', { session_id: sessionId, status: 'connected' }],
        ['POST', '/api/whatsapp/session/status', { session_id: 'wa_unknown', status: 'connected' }],
        ['POST', '/api/whatsapp/session/sync', { sessions: [] }],
        ['GET', `/api/whatsapp/session/status/${sessionId}`, undefined],
        ['GET', '/api/whatsapp/session/status/wa_unknown', undefined],
        ['POST', '/api/whatsapp/node/webhook', { event: 'messages.upsert', session_id: sessionId, data: upsert('3EB0AUTH') }],
      ] as const) {
        const res = await node(method, path, body, headers);
        expect({ path, status: res.status }).toEqual({ path, status: 401 });
        expect(res.body).toMatchObject({ statusCode: 401, message: 'X-Node-Secret is missing or wrong' });
      }
      expect(await storedEvents()).toEqual([]);
      expect((await node('GET', `/api/whatsapp/session/status/${sessionId}`)).body.status).toBe('disconnected');
      expect(await lastLog()).toMatchObject({ status_code: 200, verification: 'passed' });
    });

    it('keeps the secret out of the inbound log', async () => {
      await node('POST', '/api/whatsapp/session/status', { session_id: sessionId, status: 'disconnected' });
      const logs = await hub.sql<{ headers: Record<string, string>; verification: string }>("SELECT headers, verification FROM inbound_logs WHERE source = 'whatsapp'");
      expect(logs.length).toBeGreaterThan(10);
      for (const log of logs) expect(JSON.stringify(log.headers)).not.toContain(SECRET);
      expect(logs.filter((log) => log.verification === 'failed').length).toBe(18);
    });
  });

  describe('sessions', () => {
    it('records qr with its string, then connected with the phone, each emitting whatsapp.session.updated once', async () => {
      const qr = await node('POST', '/api/whatsapp/session/status', { session_id: sessionId, status: 'qr', qr: '2@abc,def' });
      expect(qr.status).toBe(200);
      expect(qr.body).toMatchObject({ session_id: sessionId, channel_id: channelId, status: 'qr', qr: '2@abc,def', phone: null, last_seen_at: expect.any(String) });
      // The same report again changes nothing a subscriber cares about: no second event.
      await node('POST', '/api/whatsapp/session/status', { session_id: sessionId, status: 'qr', qr: '2@abc,def' });
      const connected = await node('POST', '/api/whatsapp/session/status', { session_id: sessionId, status: 'connected', phone: '34699111222' });
      expect(connected.body).toMatchObject({ status: 'connected', phone: '+34699111222', qr: null });
      expect((await sessionEvents()).map((e) => e.data)).toEqual([
        { channel_id: channelId, session_id: sessionId, status: 'qr', phone: null, qr: '2@abc,def' },
        { channel_id: channelId, session_id: sessionId, status: 'connected', phone: '+34699111222' },
      ]);
      const channel = await hub.request('GET', `/api/channels/${channelId}`, { token: a.token });
      expect(channel.body).toMatchObject({ session_status: 'connected', phone: '+34699111222', qr: null, last_seen_at: expect.any(String) });
      expect(await lastLog()).toMatchObject({ status_code: 200, account_id: a.accountId, outcome: 'accepted' });
    });

    it('answers the recorded session on GET, and 404 for an unknown session id on GET and POST', async () => {
      expect((await node('GET', `/api/whatsapp/session/status/${sessionId}`)).body).toMatchObject({ session_id: sessionId, status: 'connected', phone: '+34699111222' });
      const unknown = await node('GET', '/api/whatsapp/session/status/wa_nobody');
      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toBe('No WhatsApp channel has session_id wa_nobody');
      expect((await node('POST', '/api/whatsapp/session/status', { session_id: 'wa_nobody', status: 'connected' })).status).toBe(404);
    });

    it('refuses a report naming each bad field (400): a status not in the list, a qr status without its QR, a phone that is not one', async () => {
      const bad = await node('POST', '/api/whatsapp/session/status', { session_id: sessionId, status: 'online' });
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([{ field: 'status', message: expect.stringContaining('status must be one of') }]);
      const noQr = await node('POST', '/api/whatsapp/session/status', { session_id: sessionId, status: 'qr' });
      expect(noQr.status).toBe(400);
      expect(noQr.body.details.map((d: { field: string }) => d.field)).toEqual(['qr']);
      const phone = await node('POST', '/api/whatsapp/session/status', { session_id: sessionId, status: 'connected', phone: 'call me' });
      expect(phone.body.details).toEqual([{ field: 'phone', message: 'phone must be an E.164 phone number (digits, + optional)' }]);
      expect((await node('GET', `/api/whatsapp/session/status/${sessionId}`)).body.status).toBe('connected');
    });

    it('sync records each listed session, disconnects the live sessions it left out, and answers unknown ids back', async () => {
      await node('POST', '/api/whatsapp/session/status', { session_id: otherSessionId, status: 'connected', phone: '+34699333444' });
      const before = (await sessionEvents()).length;
      const sync = await node('POST', '/api/whatsapp/session/sync', { sessions: [{ session_id: sessionId, status: 'connected', phone: '+34699111222' }, { session_id: 'wa_gone', status: 'connected' }] });
      expect(sync.status).toBe(200);
      expect(sync.body).toEqual({ updated: 1, unknown: ['wa_gone'], disconnected: 1 });
      expect((await node('GET', `/api/whatsapp/session/status/${otherSessionId}`)).body).toMatchObject({ status: 'disconnected', phone: '+34699333444' });
      expect((await node('GET', `/api/whatsapp/session/status/${sessionId}`)).body.status).toBe('connected');
      // Only the session that changed is announced.
      expect((await sessionEvents()).slice(before).map((e) => e.data)).toEqual([{ channel_id: expect.any(String), session_id: otherSessionId, status: 'disconnected', phone: '+34699333444' }]);
      const empty = await node('POST', '/api/whatsapp/session/sync', { sessions: [] });
      expect(empty.body).toEqual({ updated: 0, unknown: [], disconnected: 1 });
      expect((await node('GET', `/api/whatsapp/session/status/${sessionId}`)).body.status).toBe('disconnected');
    });
  });

  describe('events webhook', () => {
    it('stores a message before answering, with its inbound log row, and reads the sender from remoteJid', async () => {
      const res = await webhook('messages.upsert', upsert('3EB0AAA1', 'Hola, ¿abrís el domingo?'));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ received: 1, duplicates: 0, ignored: 0 });
      const [row] = await hub.sql('SELECT * FROM whatsapp_events WHERE dedupe_key = $1', ['message:3EB0AAA1']);
      expect(row).toMatchObject({ account_id: a.accountId, channel_id: channelId, event: 'messages.upsert', kind: 'message', status: 'pending' });
      expect(row.data).toEqual({ id: '3EB0AAA1', from_me: false, phone: '+34612345678', push_name: 'María', text: 'Hola, ¿abrís el domingo?', media_type: null, at: '2025-12-03T08:54:00.000Z' });
      const log = await lastLog();
      expect(log).toMatchObject({ id: row.inbound_log_id, status_code: 200, outcome: 'accepted', verification: 'passed', account_id: a.accountId });
    });

    it('ignores a message id already stored (counted on the stored event; the request is logged a duplicate)', async () => {
      const res = await webhook('messages.upsert', upsert('3EB0AAA1', 'Hola, ¿abrís el domingo?'));
      expect(res.body).toEqual({ received: 0, duplicates: 1, ignored: 0 });
      expect(await hub.sql("SELECT repeats FROM whatsapp_events WHERE dedupe_key = 'message:3EB0AAA1'")).toEqual([{ repeats: 1 }]);
      expect(await lastLog()).toMatchObject({ outcome: 'duplicate' });
      // The same id in one batch, twice, and in two requests at once: one event.
      const batch = await webhook('messages.upsert', { messages: [upsert('3EB0BBB1'), upsert('3EB0BBB1'), upsert('3EB0BBB2')], type: 'notify' });
      expect(batch.body).toEqual({ received: 2, duplicates: 1, ignored: 0 });
      const together = await Promise.all([webhook('messages.upsert', upsert('3EB0CCC1')), webhook('messages.upsert', upsert('3EB0CCC1'))]);
      expect(together.map((r) => r.body.received).sort()).toEqual([0, 1]);
      expect(await hub.sql("SELECT count(*)::int AS n FROM whatsapp_events WHERE dedupe_key LIKE 'message:3EB0%'")).toEqual([{ n: 4 }]);
    });

    it('keeps a status per message and status once, and every other event kind with what the worker needs', async () => {
      expect((await webhook('messages.update', { keyId: '3EB0OUT1', fromMe: true, status: 2 })).body.received).toBe(1);
      expect((await webhook('messages.update', [{ key: { id: '3EB0OUT1', fromMe: true }, update: { status: 3 } }, { keyId: '3EB0OUT1', fromMe: true, status: 2 }])).body).toEqual({ received: 1, duplicates: 1, ignored: 0 });
      expect((await webhook('messages.delete', { id: '3EB0OUT1', fromMe: true, remoteJid: '34612345678@s.whatsapp.net' })).body.received).toBe(1);
      expect((await webhook('call', { id: 'CALL1', from: '34612345678@s.whatsapp.net', status: 'offer' })).body.received).toBe(1);
      expect((await webhook('connection.update', { state: 'open' })).body.received).toBe(1);
      expect((await webhook('send.message', upsert('3EB0SENT1', 'Sí, de 10 a 14', true))).body.received).toBe(1);
      const rows = await hub.sql<{ kind: string; dedupe_key: string | null; data: Record<string, unknown> }>(
        "SELECT kind, dedupe_key, data FROM whatsapp_events WHERE kind <> 'message' OR dedupe_key = 'message:3EB0SENT1' ORDER BY created_at",
      );
      expect(rows.map((r) => [r.kind, r.dedupe_key])).toEqual([
        ['status', 'status:3EB0OUT1:2'],
        ['status', 'status:3EB0OUT1:3'],
        ['delete', 'delete:3EB0OUT1'],
        ['call', 'call:CALL1:offer'],
        ['connection', null],
        ['message', 'message:3EB0SENT1'],
      ]);
      expect(rows[3].data).toEqual({ id: 'CALL1', from: '+34612345678', status: 'offer' });
      expect(rows[5].data).toMatchObject({ from_me: true, phone: '+34612345678', push_name: null });
    });

    it('replays a logged request through the route with its secret restored, the secret stored only encrypted', async () => {
      await webhook('messages.upsert', upsert('3EB0REPLAYED'));
      const original = await lastLog();
      expect(original.headers['x-node-secret']).toBe('[redacted]');
      expect(original.headers_encrypted).not.toContain(SECRET);
      const replay = await hub.request('POST', `/api/inbound-logs/${original.id}/replay`, { token: a.token });
      // The guard let it through (401 otherwise): the message id is already stored, so it is counted a duplicate.
      expect(replay.status).toBe(200);
      expect(replay.body).toMatchObject({ status_code: 200, body: { received: 0, duplicates: 1, ignored: 0 } });
      const [replayed] = await hub.sql('SELECT replay_of, verification, headers FROM inbound_logs WHERE id = $1', [replay.body.log_id]);
      expect(replayed).toMatchObject({ replay_of: original.id, verification: 'passed' });
      expect(JSON.stringify(replayed.headers)).not.toContain(SECRET);
    });

    it('answers 404 for an unknown session, storing nothing', async () => {
      const res = await webhook('messages.upsert', upsert('3EB0NOSESSION'), 'wa_nobody');
      expect(res.status).toBe(404);
      expect(res.body.message).toBe('No WhatsApp channel has session_id wa_nobody');
      expect(await hub.sql("SELECT id FROM whatsapp_events WHERE dedupe_key = 'message:3EB0NOSESSION'")).toEqual([]);
      expect(await lastLog()).toMatchObject({ status_code: 404, outcome: 'rejected' });
    });

    it('answers 400 for a bad envelope and 422 naming the field for data it cannot use, storing nothing', async () => {
      const count = (await storedEvents()).length;
      const unknownEvent = await webhook('presence.update', {});
      expect(unknownEvent.status).toBe(400);
      expect(unknownEvent.body.details[0].field).toBe('event');
      const noData = await node('POST', '/api/whatsapp/node/webhook', { event: 'call', session_id: sessionId });
      expect(noData.status).toBe(400);
      expect(noData.body.details[0].field).toBe('data');
      const cases: [string, unknown, string][] = [
        ['messages.upsert', { key: { remoteJid: '34612345678@s.whatsapp.net' }, message: { conversation: 'x' } }, 'data.key.id'],
        ['messages.upsert', { messages: [upsert('3EB0OK'), { key: { id: 'x', remoteJid: 'not-a-phone@s.whatsapp.net' }, message: { conversation: 'x' } }] }, 'data.messages[1].key.remoteJid'],
        ['messages.upsert', { key: { id: 'x', remoteJid: '34612345678@s.whatsapp.net' } }, 'data.message'],
        ['messages.upsert', { ...upsert('x'), messageTimestamp: 'yesterday' }, 'data.messageTimestamp'],
        ['messages.update', { keyId: '3EB0OUT1', fromMe: true, status: 7 }, 'data.status'],
        ['messages.update', [{ keyId: '3EB0OUT1', status: 2 }, { fromMe: true, status: 2 }], 'data[1].keyId'],
        ['messages.delete', { fromMe: true }, 'data.id'],
        ['connection.update', { state: 'online' }, 'data.state'],
        ['call', { id: 'CALL2', status: 'offer' }, 'data.from'],
      ];
      for (const [event, data, field] of cases) {
        const res = await webhook(event, data);
        expect({ event, field, status: res.status }).toEqual({ event, field, status: 422 });
        expect(res.body.details).toEqual([{ field, message: expect.stringMatching(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')} `)) }]);
      }
      expect(await storedEvents()).toHaveLength(count);
      expect(await lastLog()).toMatchObject({ status_code: 422, account_id: a.accountId });
      expect((await node('POST', '/api/whatsapp/node/webhook', undefined)).status).toBe(400);
    });

    it('takes group chats and reactions without storing them (counted as ignored)', async () => {
      const res = await webhook('messages.upsert', [
        upsert('3EB0GROUP', 'hola a todos', false, '120363025246125486@g.us'),
        { key: { remoteJid: '34612345678@s.whatsapp.net', id: '3EB0REACT' }, message: { reactionMessage: { text: '👍' } } },
        { key: { remoteJid: '34612345678@s.whatsapp.net', id: '3EB0IMG' }, message: { imageMessage: { caption: 'la factura', mimetype: 'image/jpeg' } } },
      ]);
      expect(res.body).toEqual({ received: 1, duplicates: 0, ignored: 2 });
      expect((await hub.sql("SELECT data FROM whatsapp_events WHERE dedupe_key = 'message:3EB0IMG'"))[0].data).toMatchObject({ text: 'la factura', media_type: 'image' });
    });
  });
});
