import { Account, Hub, startHub } from './harness';
import { InboundProbeModule } from './inbound-probe.module';

describe('inbound body handling and inbound log (SPEC §4)', () => {
  let hub: Hub;
  let a: Account;
  beforeAll(async () => {
    hub = await startHub({ modules: [InboundProbeModule] });
    a = await hub.signup();
  });
  afterAll(async () => {
    await hub.close();
  });

  const logs = () => hub.sql('SELECT * FROM inbound_logs ORDER BY created_at');

  it('stores the request with the data it carries before answering, headers redacted', async () => {
    const res = await hub.request('POST', `/api/test-inbound/${a.accountId}`, {
      raw: '{"email":"ann@example.com","note":"caf\\u00e9"}',
      headers: { authorization: 'Bearer very-secret', 'x-hub-signature-256': 'sha256=abc' },
    });
    expect(res.status).toBe(200);
    const [row] = await hub.sql('SELECT * FROM inbound_logs WHERE account_id = $1', [a.accountId]);
    expect(row).toMatchObject({ source: 'probe', status_code: 200, outcome: 'accepted', verification: 'not_required' });
    expect(row.raw_body).toBe('{"email":"ann@example.com","note":"caf\\u00e9"}');
    expect(row.headers.authorization).toBe('[redacted]');
    expect(row.headers['x-hub-signature-256']).toBe('sha256=abc');
    expect(row.headers_encrypted).not.toContain('very-secret');
    expect(await hub.sql('SELECT email FROM probe_items')).toEqual([{ email: 'ann@example.com' }]);
  });

  it('answers malformed JSON 400, too large 413, unsupported type 415, each as JSON and each logged', async () => {
    const before = (await logs()).length;
    const malformed = await hub.request('POST', `/api/test-inbound/${a.accountId}`, { raw: '{"email": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/^Malformed JSON body/) });

    const big = await hub.request('POST', `/api/test-inbound/${a.accountId}`, { raw: JSON.stringify({ email: 'x'.repeat(1024 * 1024 + 10) }) });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });

    const xml = await hub.request('POST', `/api/test-inbound/${a.accountId}`, { raw: '<lead/>', contentType: 'application/xml' });
    expect(xml.status).toBe(415);
    expect(xml.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });

    const rows = (await logs()).slice(before);
    expect(rows.map((r) => [r.status_code, r.outcome, r.source])).toEqual([
      [400, 'rejected', 'probe'],
      [413, 'rejected', 'probe'],
      [415, 'rejected', 'probe'],
    ]);
  });

  it('accepts form bodies and answers 422 for valid input missing what is required', async () => {
    const form = await hub.request('POST', `/api/test-inbound/${a.accountId}`, { raw: 'email=bob%40example.com&x=1', contentType: 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(200);
    const missing = await hub.request('POST', `/api/test-inbound/${a.accountId}`, { body: { name: 'no email' } });
    expect(missing.status).toBe(422);
    expect(missing.body).toEqual({ statusCode: 422, error: 'Unprocessable Entity', message: 'email is required' });
    const [row] = await hub.sql("SELECT * FROM inbound_logs WHERE status_code = 422");
    expect(row).toMatchObject({ outcome: 'rejected', error: 'email is required', account_id: a.accountId });
  });

  it('lists and shows the log to its account only, and replays a request through its route', async () => {
    const list = await hub.request('GET', '/api/inbound-logs?source=probe&limit=2', { token: a.token });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.next_cursor).toEqual(expect.any(String));
    const next = await hub.request('GET', `/api/inbound-logs?source=probe&limit=2&cursor=${list.body.next_cursor}`, { token: a.token });
    expect(next.body.items[0].created_at <= list.body.items[1].created_at).toBe(true);
    expect(next.body.items.map((i: { id: string }) => i.id)).not.toContain(list.body.items[0].id);

    const [accepted] = await hub.sql("SELECT id FROM inbound_logs WHERE account_id = $1 AND outcome = 'accepted' ORDER BY created_at LIMIT 1", [a.accountId]);
    const detail = await hub.request('GET', `/api/inbound-logs/${accepted.id}`, { token: a.token });
    expect(detail.status).toBe(200);
    expect(detail.body.headers.authorization).toBe('[redacted]');
    expect(detail.body).not.toHaveProperty('headers_encrypted');

    const other = await hub.signup();
    expect((await hub.request('GET', `/api/inbound-logs/${accepted.id}`, { token: other.token })).status).toBe(404);
    expect((await hub.request('GET', '/api/inbound-logs', { token: other.token })).body.items).toEqual([]);
    expect((await hub.request('POST', `/api/inbound-logs/${accepted.id}/replay`, { token: other.token })).status).toBe(404);

    const replay = await hub.request('POST', `/api/inbound-logs/${accepted.id}/replay`, { token: a.token });
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ status_code: 200, body: { stored: true }, log_id: expect.any(String) });
    const [replayed] = await hub.sql('SELECT * FROM inbound_logs WHERE id = $1', [replay.body.log_id]);
    expect(replayed.replay_of).toBe(accepted.id);
    expect(await hub.sql("SELECT count(*)::int AS n FROM probe_items WHERE email = 'ann@example.com'")).toEqual([{ n: 2 }]);
  });

  it('a client cannot write into another account\'s log by claiming its request is a replay', async () => {
    const [target] = await hub.sql("SELECT id FROM inbound_logs WHERE account_id = $1 ORDER BY created_at LIMIT 1", [a.accountId]);
    const before = (await hub.request('GET', '/api/inbound-logs?limit=200', { token: a.token })).body.items.length;
    const forged = { 'x-webhook-hub-replay-of': target.id };
    // Both fail before any route knows whose request it is: the one case where the log once believed the header.
    const malformed = await hub.request('POST', `/api/test-inbound/${a.accountId}`, { raw: '{"email": ', headers: forged });
    expect(malformed.status).toBe(400);
    const unknown = await hub.request('POST', '/api/automation/webhook/Vq0v1rZbqSg5o9r3lX9Q8m2mF7bJx4kA1cW6yT0uH3E', { body: { email: 'x@example.com' }, headers: forged });
    expect(unknown.status).toBe(404);

    const rows = await hub.sql('SELECT * FROM inbound_logs ORDER BY created_at DESC LIMIT 2');
    expect(rows.map((r) => [r.status_code, r.account_id, r.replay_of])).toEqual([
      [404, null, null],
      [400, null, null],
    ]);
    // Stored as received: the header is an ordinary header of that request.
    expect(rows[0].headers['x-webhook-hub-replay-of']).toBe(target.id);
    expect((await hub.request('GET', '/api/inbound-logs?limit=200', { token: a.token })).body.items).toHaveLength(before);
  });

  it('rejects a bad cursor with 400 naming it', async () => {
    const res = await hub.request('GET', '/api/inbound-logs?cursor=nonsense', { token: a.token });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'cursor', message: 'cursor is not a valid cursor' }]);
  });
});
