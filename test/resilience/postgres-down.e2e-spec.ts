import { Account, Hub, startHub } from '../harness';
import { mailgunBody } from '../support/esp-signers';
import { eventually } from '../support/receiver';
import { TcpGate } from '../support/tcp-gate';
import { TEST_SERVER_URL } from '../test-database';

const MAILGUN_KEY = 'mailgun-key-postgres-down';

/**
 * SPEC §1: PostgreSQL is the source of truth, so an inbound request is never
 * answered 2xx when what it carries could not be stored. With the database
 * cut away (every connection dropped, new ones refused), each inbound route
 * answers 503 with a JSON body saying nothing was stored, promptly (no hang),
 * and stores nothing; once the database is back, the same requests succeed.
 */
describe('PostgreSQL unreachable for a while', () => {
  let hub: Hub;
  let gate: TcpGate;
  let a: Account;
  let webhookId: string;
  let channelId: string;
  let port: number;

  beforeAll(async () => {
    const server = new URL(TEST_SERVER_URL);
    gate = new TcpGate(server.hostname, Number(server.port || 5432));
    port = await gate.start();
    hub = await startHub({
      hubDatabaseUrl: (direct) => {
        const url = new URL(direct);
        url.port = String(port);
        return url.toString();
      },
    });
    a = await hub.signup();
    const workflow = await hub.request('POST', '/api/workflows', { token: a.token, body: { name: 'While PostgreSQL is away', steps: [] } });
    webhookId = workflow.body.trigger.webhook_id;
    const channel = await hub.request('POST', '/api/channels', { token: a.token, body: { type: 'email', name: 'Mailgun', from_address: 'hi@shop.example.com', provider: 'mailgun', webhook_signing_key: MAILGUN_KEY } });
    channelId = channel.body.id;
  });
  afterAll(async () => {
    gate.restore();
    await hub?.close();
    await gate.stop();
  });

  /** The three inbound writes, each carrying `marker` so what was stored can be found. */
  const requests = (marker: string) => [
    { name: 'trigger webhook', send: () => hub.request('POST', `/api/automation/webhook/${webhookId}`, { body: { email: `${marker}@example.com` } }) },
    { name: 'Mailgun event', send: () => hub.request('POST', `/api/webhook/email/mailgun/${channelId}`, { raw: mailgunBody(MAILGUN_KEY, { id: marker, event: 'delivered', recipient: `${marker}@example.com` }) }) },
    { name: 'published event', send: () => hub.request('POST', '/api/events', { token: a.token, body: { type: 'custom.order', data: { marker } } }) },
  ];
  const storedWith = async (marker: string) => ({
    trigger: (await hub.sql("SELECT 1 FROM workflow_trigger_requests WHERE input::text LIKE '%' || $1 || '%'", [marker])).length,
    mailgun: (await hub.sql('SELECT 1 FROM message_provider_events WHERE provider_event_id = $1', [`mailgun:${marker}`])).length,
    published: (await hub.sql("SELECT 1 FROM events WHERE data->>'marker' = $1", [marker])).length,
  });

  it('answers 503 (JSON, nothing stored, no hang) on every inbound route while it is away, and 2xx once it is back', async () => {
    // Warm: the channel's keys and the trigger id are cached, so the requests below reach their INSERT.
    for (const { send } of requests('warm')) expect((await send()).status).toBeLessThan(300);
    expect(await storedWith('warm')).toEqual({ trigger: 1, mailgun: 1, published: 1 });

    gate.cut();
    for (const { name, send } of requests('cut')) {
      const started = Date.now();
      const res = await send();
      expect({ name, status: res.status }).toEqual({ name, status: 503 });
      expect(res.body).toMatchObject({ statusCode: 503, message: expect.stringMatching(/nothing was stored/) });
      expect(Date.now() - started).toBeLessThan(15_000);
    }
    expect((await hub.request('GET', '/api/health')).status).toBe(503);

    gate.restore();
    await eventually(async () => (await hub.request('GET', '/api/health')).status === 200, 30_000, 250);
    expect(await storedWith('cut')).toEqual({ trigger: 0, mailgun: 0, published: 0 });
    for (const { name, send } of requests('back')) {
      const res = await eventually(async () => {
        const answer = await send();
        return answer.status < 500 ? answer : null;
      }, 30_000, 250);
      expect({ name, ok: res.status < 300 }).toEqual({ name, ok: true });
    }
    expect(await storedWith('back')).toEqual({ trigger: 1, mailgun: 1, published: 1 });
  }, 120_000);
});
