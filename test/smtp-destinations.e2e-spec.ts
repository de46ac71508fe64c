import { createServer, Server, Socket } from 'node:net';
import { Account, Hub, startHub } from './harness';
import { eventually } from './support/receiver';
import { ShortMessageRetriesModule } from './support/short-message-retries.module';

const PUBLIC_HOST = '93.184.216.34';
const SMTP_UNREACHABLE = 'Could not send through the SMTP server: no answer, refused, timed out, or not an SMTP server at that host and port';

/** A TCP server on 127.0.0.1 that counts connections and answers each with `greeting` (then closes), or says nothing. */
async function tcpService(greeting?: string): Promise<{ port: number; connections: () => number; stop: () => Promise<void> }> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    if (greeting !== undefined) socket.end(greeting);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    connections: () => connections,
    stop: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const emailChannel = (host: string, port: number) => ({
  type: 'email',
  name: `SMTP ${host}:${port}`,
  from_address: 'hello@shop.example.com',
  provider: 'ses',
  smtp: { host, port, secure: false, user: 'relay-user', pass: 'relay-pass-1' },
});

async function sendEmail(hub: Hub, account: Account, channelId: string): Promise<{ status: string; error: string }> {
  const res = await hub.request('POST', '/api/email/send', { token: account.token, body: { channel_id: channelId, to: 'someone@example.com', subject: 'Hi', body: 'Hi' } });
  expect(res.status).toBe(202);
  return eventually(async () => {
    const [row] = await hub.sql('SELECT status, error FROM messages WHERE id = $1', [res.body.message_id]);
    return row?.status === 'failed' ? row : null;
  });
}

describe('SMTP hosts behind the destination guard (private networks refused)', () => {
  let hub: Hub;
  let a: Account;
  beforeAll(async () => {
    hub = await startHub({ env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' }, modules: [ShortMessageRetriesModule] });
    a = await hub.signup();
  });
  afterAll(async () => {
    await hub.close();
  });

  it.each(['127.0.0.1', '::127.0.0.1', '169.254.169.254', '10.1.2.3', 'localhost'])('refuses an email channel whose SMTP host is %s (400 naming smtp.host)', async (host) => {
    const res = await hub.request('POST', '/api/channels', { token: a.token, body: emailChannel(host, 2525) });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'smtp.host', message: expect.stringMatching(/^smtp\.host is not allowed: /) }]);
    // A name is refused without saying what it resolves to.
    if (host === 'localhost') expect(res.text).not.toMatch(/127\.0\.0\.1|::1/);
    expect(await hub.sql("SELECT 1 FROM channels WHERE account_id = $1 AND type = 'email'", [a.accountId])).toHaveLength(0);
  });

  it('refuses a PATCH that points the SMTP host at loopback, and an SMS provider URL on a private address', async () => {
    const created = await hub.request('POST', '/api/channels', { token: a.token, body: emailChannel(PUBLIC_HOST, 587) });
    expect(created.status).toBe(201);
    const patched = await hub.request('PATCH', `/api/channels/${created.body.id}`, { token: a.token, body: { smtp: { host: '127.0.0.1', port: 2525 } } });
    expect(patched.status).toBe(400);
    expect(patched.body.details).toEqual([{ field: 'smtp.host', message: 'smtp.host is not allowed: 127.0.0.1 is a private, loopback, link-local or reserved address' }]);
    const [row] = await hub.sql('SELECT smtp FROM channels WHERE id = $1', [created.body.id]);
    expect(row.smtp).toMatchObject({ host: PUBLIC_HOST, port: 587 });

    const sms = await hub.request('POST', '/api/channels', { token: a.token, body: { type: 'sms', name: 'SMS', from_number: '+15555550123', provider_url: 'http://10.0.0.5/send' } });
    expect(sms.status).toBe(400);
    expect(sms.body.details).toEqual([{ field: 'provider_url', message: expect.stringMatching(/^provider_url is not allowed/) }]);
  });

  it('checks again when it connects: a channel stored with a loopback host fails without any connection (no AUTH sent)', async () => {
    const listener = await tcpService('220 internal.example ESMTP\r\n');
    try {
      const created = await hub.request('POST', '/api/channels', { token: a.token, body: emailChannel(PUBLIC_HOST, 587) });
      // As a channel saved while private networks were allowed, or a name that now resolves elsewhere.
      await hub.sql(`UPDATE channels SET smtp = smtp || jsonb_build_object('host', '127.0.0.1', 'port', $2::int), updated_at = now() WHERE id = $1`, [created.body.id, listener.port]);
      const failed = await sendEmail(hub, a, created.body.id);
      expect(failed.error).toBe('SMTP host refused: 127.0.0.1 is a private, loopback, link-local or reserved address');
      expect(listener.connections()).toBe(0);
    } finally {
      await listener.stop();
    }
  });
});

describe('SMTP send errors do not tell what answered (private networks allowed, as in dev)', () => {
  let hub: Hub;
  let a: Account;
  beforeAll(async () => {
    hub = await startHub({ modules: [ShortMessageRetriesModule] });
    a = await hub.signup();
  });
  afterAll(async () => {
    await hub.close();
  });

  it('answers a closed port and a port speaking another protocol with the same stored error', async () => {
    const closed = await tcpService();
    const closedPort = closed.port;
    await closed.stop();
    const web = await tcpService('HTTP/1.1 400 Bad Request\r\nServer: internal-admin/1.2\r\n\r\n');
    try {
      const errors: string[] = [];
      for (const port of [closedPort, web.port]) {
        const channel = await hub.request('POST', '/api/channels', { token: a.token, body: emailChannel('127.0.0.1', port) });
        expect(channel.status).toBe(201);
        errors.push((await sendEmail(hub, a, channel.body.id)).error);
      }
      expect(errors).toEqual([SMTP_UNREACHABLE, SMTP_UNREACHABLE]);
      expect(web.connections()).toBeGreaterThan(0);
    } finally {
      await web.stop();
    }
  });
});
