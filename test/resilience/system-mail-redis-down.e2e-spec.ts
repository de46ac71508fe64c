import { Hub, startHub } from '../harness';
import { eventually } from '../support/receiver';
import { SmtpSink } from '../support/smtp-sink';
import { TcpGate } from '../support/tcp-gate';

/**
 * System mail is durable work: a signup is answered once PostgreSQL holds its
 * mail, not once Redis took the job, and a mail stored while Redis was away is
 * sent when it is back (the sweeper finds the row).
 */
describe('system mail while Redis is unreachable', () => {
  let hub: Hub;
  let sink: SmtpSink;
  let gate: TcpGate;

  beforeAll(async () => {
    const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    gate = new TcpGate(redis.hostname, Number(redis.port || 6379));
    const port = await gate.start();
    sink = await new SmtpSink().start();
    hub = await startHub({
      env: { REDIS_URL: `redis://127.0.0.1:${port}`, WEBHOOK_SWEEP_INTERVAL_MS: '1000', SYSTEM_SMTP_URL: `smtp://127.0.0.1:${sink.port}` },
    });
  });
  afterAll(async () => {
    gate.restore();
    await hub.close();
    await sink.stop();
    await gate.stop();
  });

  it('answers signups at once with their mails stored queued, and sends every mail once Redis is back', async () => {
    gate.cut();
    const emails = ['away-1@example.com', 'away-2@example.com', hub.config.adminEmail!];
    for (const email of emails) {
      const started = Date.now();
      const res = await hub.request('POST', '/api/auth/signup', { body: { email, password: 'long-password-1', account_name: 'Away' } });
      expect(res.status).toBe(202);
      expect(res.body.status).toBe('confirmation_sent');
      // Answered once committed: nowhere near ioredis's reconnect delays (up to 5 s).
      expect(Date.now() - started).toBeLessThan(2500);
    }
    const queued = await hub.sql("SELECT to_address, template FROM system_mails WHERE status = 'queued' ORDER BY to_address");
    expect(queued).toEqual([
      { to_address: hub.config.adminEmail, template: 'signup-existing' },
      { to_address: 'away-1@example.com', template: 'signup-confirm' },
      { to_address: 'away-2@example.com', template: 'signup-confirm' },
    ].sort((a, b) => a.to_address!.localeCompare(b.to_address!)));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sink.mails).toHaveLength(0);

    gate.restore();
    await sink.waitFor(3, 45000);
    await eventually(async () => (await hub.sql("SELECT count(*)::int AS n FROM system_mails WHERE status = 'sent'"))[0].n === 3, 10000, 100);
    expect(sink.mails.map((mail) => mail.to[0]).sort()).toEqual([...emails].sort());
    // Once each: neither the after-commit enqueue nor the sweeper sent a mail twice.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sink.mails).toHaveLength(3);
  }, 120000);
});
