import { Hub, startHub } from '../harness';
import { eventually } from '../support/receiver';
import { TcpGate } from '../support/tcp-gate';
import { TEST_SERVER_URL } from '../test-database';

const SECRET = 'node-secret-postgres-down-01234567';

/**
 * SPEC §4 for the WhatsApp node service: a 2xx means stored. With the
 * database cut away, the node's session reports and events are answered 503
 * (JSON, promptly, nothing stored), so the node retries them; once it is
 * back, the same requests are stored and answered 200.
 */
describe('WhatsApp node service with PostgreSQL unreachable for a while', () => {
  let hub: Hub;
  let gate: TcpGate;
  let sessionId: string;

  beforeAll(async () => {
    const server = new URL(TEST_SERVER_URL);
    gate = new TcpGate(server.hostname, Number(server.port || 5432));
    const port = await gate.start();
    hub = await startHub({
      env: { WHATSAPP_NODE_SECRET: SECRET },
      hubDatabaseUrl: (direct) => {
        const url = new URL(direct);
        url.port = String(port);
        return url.toString();
      },
    });
    const a = await hub.signup();
    sessionId = (await hub.request('POST', '/api/channels', { token: a.token, body: { type: 'whatsapp', name: 'Support' } })).body.session_id;
  });
  afterAll(async () => {
    gate.restore();
    await hub?.close();
    await gate.stop();
  });

  const headers = { 'x-node-secret': SECRET };
  const requests = (marker: string) => [
    { name: 'session status', send: () => hub.request('POST', '/api/whatsapp/session/status', { headers, body: { session_id: sessionId, status: 'connected', phone: '+15555550100' } }) },
    {
      name: 'message',
      send: () =>
        hub.request('POST', '/api/whatsapp/node/webhook', {
          headers,
          body: { event: 'messages.upsert', session_id: sessionId, data: { key: { remoteJid: '34612345678@s.whatsapp.net', id: marker }, message: { conversation: marker } } },
        }),
    },
  ];
  const stored = async (marker: string) => (await hub.sql('SELECT 1 FROM whatsapp_events WHERE dedupe_key = $1', [`message:${marker}`])).length;

  it('answers 503 while it is away, storing nothing, and 200 once it is back', async () => {
    // Warm: the session lookup is cached, so the webhook below reaches its INSERT.
    for (const { send } of requests('WARM')) expect((await send()).status).toBe(200);

    gate.cut();
    for (const { name, send } of requests('CUT')) {
      const started = Date.now();
      const res = await send();
      expect({ name, status: res.status }).toEqual({ name, status: 503 });
      expect(res.body).toMatchObject({ statusCode: 503, message: expect.stringMatching(/nothing was stored/) });
      expect(Date.now() - started).toBeLessThan(15_000);
    }

    gate.restore();
    await eventually(async () => (await hub.request('GET', '/api/health')).status === 200, 30_000, 250);
    expect(await stored('CUT')).toBe(0);
    for (const { name, send } of requests('BACK')) {
      const res = await eventually(async () => {
        const answer = await send();
        return answer.status < 500 ? answer : null;
      }, 30_000, 250);
      expect({ name, status: res.status }).toEqual({ name, status: 200 });
    }
    expect(await stored('BACK')).toBe(1);
  }, 120_000);
});
