import { Hub, startHub } from './harness';
import { seedEndpoint } from './support/endpoint-fixture';
import { eventually, Receiver } from './support/receiver';
import { ShortSystemMailRetriesModule } from './support/short-system-mail-retries.module';
import { ReceivedMail, SmtpSink } from './support/smtp-sink';

/**
 * Issue 21, point 4: a failing endpoint tells its account's admins by email
 * (a real local SMTP server), once when it has failed for
 * ENDPOINT_FAILING_ALERT_SECONDS (2 s here) and once when the hub disables
 * it; a success starts afresh. Receivers are real local HTTP servers that
 * answer 500 (or 410); every attempt is retried after about a second.
 */
interface Admin {
  email: string;
  token: string;
  accountId: string;
}

describe('failing endpoints tell their owner (issue 21, point 4)', () => {
  let hub: Hub;
  let sink: SmtpSink;
  let receiver: Receiver;
  let a: Admin;
  let b: Admin;
  const secondAdmin = 'second-admin@example.com';
  const up = new Set<string>(); // receiver paths that answer 200; any other answers 500 (/gone: 410)

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    hub = await startHub({
      env: {
        SYSTEM_SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        PUBLIC_URL: 'https://hub.example.com',
        ENDPOINT_FAILING_ALERT_SECONDS: '2',
        // 60 attempts a second apart: every delivery in this suite is still retrying when a later test needs it.
        WEBHOOK_RETRY_SCHEDULE: ['0', ...Array<string>(59).fill('1')].join(','),
        WEBHOOK_SWEEP_INTERVAL_MS: '500',
      },
      modules: [ShortSystemMailRetriesModule],
    });
    receiver = await new Receiver().start();
    receiver.respond = (req) => {
      const path = req.path.replace(/\?.*$/, '');
      if (up.has(path)) return { status: 200, body: 'ok' };
      return path === '/gone' ? { status: 410, body: 'gone' } : { status: 500, body: 'handler crashed' };
    };
    [a, b] = [await signedUp('owner-a@example.com'), await signedUp('owner-b@example.com')];
    // A second user of account A: every user of an account administers it.
    await hub.sql(`INSERT INTO users (account_id, email, password_hash) VALUES ($1, $2, 'not-a-login')`, [a.accountId, secondAdmin]);
  });
  afterAll(async () => {
    await receiver.stop();
    await hub.close();
    await sink.stop();
  });

  /** With a system mailer, signup is confirmed by the mailed link (libs/accounts/src/signup). */
  async function signedUp(email: string): Promise<Admin> {
    expect((await hub.request('POST', '/api/auth/signup', { body: { email, password: 'long-password-1', account_name: `Shop of ${email}` } })).status).toBe(202);
    const mail = await eventually(async () => sink.mails.find((m) => m.to.includes(email)));
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '')?.[1];
    const confirmed = await hub.request('POST', '/api/auth/signup/confirm', { body: { token } });
    expect(confirmed.status).toBe(201);
    return { email, token: confirmed.body.access_token, accountId: confirmed.body.account_id };
  }
  const alerts = () => sink.mails.filter((mail) => mail.parsed.subject?.startsWith('Webhook endpoint '));
  const publish = (type: string, account = a) => hub.request('POST', '/api/events', { token: account.token, body: { type, data: { n: 1 } } });
  const mailsAbout = (name: string, template: 'failing' | 'disabled') =>
    alerts().filter((mail) => mail.parsed.subject === `Webhook endpoint ${template}: ${name}`);
  const storedMails = async (name: string, template: 'failing' | 'disabled') =>
    (await hub.sql<{ n: number }>(`SELECT count(*)::int AS n FROM system_mails WHERE template = $1 AND subject = $2`, [`endpoint-${template}`, `Webhook endpoint ${template}: ${name}`]))[0].n;
  const endpoint = async (id: string) => (await hub.request('GET', `/api/endpoints/${id}`, { token: a.token })).body;
  const attemptsTo = (path: string) => receiver.received.filter((r) => r.path.startsWith(path)).length;
  const recipients = (mails: ReceivedMail[]) => mails.flatMap((mail) => mail.to).sort();
  async function failingEndpoint(name: string, path: string, type: string): Promise<string> {
    const { id } = await seedEndpoint(hub, a.accountId, { url: receiver.url(`${path}?token=query-s3cret`), event_types: [type] });
    await hub.sql('UPDATE endpoints SET description = $2 WHERE id = $1', [id, name]);
    return id;
  }

  it('emails every admin of the account once the endpoint has failed for the threshold, and not again on further failures', async () => {
    const id = await failingEndpoint('CRM sync', '/crm', 'custom.order_paid');
    const secret = (await hub.request('GET', `/api/endpoints/${id}/secret`, { token: a.token })).body.secret as string;
    expect(secret).toMatch(/^whsec_/);
    expect((await publish('custom.order_paid')).status).toBe(202);
    expect((await publish('custom.order_paid')).status).toBe(202);

    // The first attempts fail inside the threshold: nothing is stored yet.
    await eventually(async () => attemptsTo('/crm') >= 2);
    expect(await storedMails('CRM sync', 'failing')).toBe(0);

    await eventually(async () => mailsAbout('CRM sync', 'failing').length >= 2);
    const mails = mailsAbout('CRM sync', 'failing');
    expect(recipients(mails)).toEqual([a.email, secondAdmin].sort());
    const [mail] = mails;
    const text = mail.parsed.text ?? '';
    expect(text).toContain('The webhook endpoint "CRM sync" of the account');
    expect(text).toMatch(/has failed every delivery attempt since \d{4}-\d\d-\d\d \d\d:\d\d UTC \((less than a minute|1 minute)\)/);
    expect(text).toContain(`URL:        ${receiver.url('/crm')}?…\n`);
    expect(text).toContain('Last error: HTTP 500\n');
    expect(text).toContain('Retrying:   2 deliveries\n');
    expect(text).toContain(`\nhttps://hub.example.com/webhooks?edit=${id}\n`);
    expect(text).toContain(`\nhttps://hub.example.com/deliveries?endpoint_id=${id}\n`);
    // The HTML alternative carries the same link, and no secret is in the mail: not the URL's query, not the signing secret.
    expect(mail.parsed.html).toContain(`<a href="https://hub.example.com/webhooks?edit=${id}">Open the endpoint</a>`);
    const decoded = `${mail.parsed.subject}\n${text}\n${mail.parsed.html}`;
    expect(decoded).not.toContain('query-s3cret');
    expect(decoded).not.toContain(secret.slice('whsec_'.length, 20));

    const notified = await endpoint(id);
    expect(notified.failing_notified_at).not.toBeNull();
    expect(new Date(notified.failing_notified_at).getTime()).toBeGreaterThanOrEqual(new Date(notified.failing_since).getTime() + 2000);

    // Three more failures of each delivery: still the one mail per admin.
    const seen = attemptsTo('/crm');
    await eventually(async () => attemptsTo('/crm') >= seen + 6);
    expect(await storedMails('CRM sync', 'failing')).toBe(2);
    expect(mailsAbout('CRM sync', 'failing')).toHaveLength(2);
  });

  it('emails the disabled notice once when the hub disables the endpoint, with why and the link', async () => {
    const [{ id }] = await hub.sql<{ id: string }>(`SELECT id FROM endpoints WHERE description = 'CRM sync'`);
    await hub.sql(`UPDATE endpoints SET failing_since = now() - interval '5 days 1 minute' WHERE id = $1`, [id]);
    await eventually(async () => mailsAbout('CRM sync', 'disabled').length >= 2);
    const mails = mailsAbout('CRM sync', 'disabled');
    expect(recipients(mails)).toEqual([a.email, secondAdmin].sort());
    const text = mails[0].parsed.text ?? '';
    expect(text).toMatch(/The hub disabled the webhook endpoint "CRM sync" of the account ".*" on \d{4}-\d\d-\d\d \d\d:\d\d UTC because every delivery attempt failed for 5 days\./);
    expect(text).toContain(`\nhttps://hub.example.com/webhooks?edit=${id}\n`);
    expect(mails[0].parsed.html).toContain(`<a href="https://hub.example.com/webhooks?edit=${id}">Open the endpoint</a>`);

    const disabled = await endpoint(id);
    expect(disabled).toMatchObject({ enabled: false, disabled_reason: 'failing' });
    expect(disabled.disabled_notified_at).not.toBeNull();
    // The other delivery's next attempt finds it disabled: no second notice.
    await eventually(async () => (await hub.sql(`SELECT count(*)::int AS n FROM deliveries WHERE endpoint_id = $1 AND status = 'pending'`, [id]))[0].n === 0);
    expect(await storedMails('CRM sync', 'disabled')).toBe(2);

    // Enabling it starts afresh.
    const on = await hub.request('POST', `/api/endpoints/${id}/enable`, { token: a.token });
    expect(on.body).toMatchObject({ enabled: true, failing_since: null, failing_notified_at: null, disabled_notified_at: null });
  });

  it('says when a 410 Gone disabled the endpoint', async () => {
    await failingEndpoint('Gone receiver', '/gone', 'custom.gone');
    expect((await publish('custom.gone')).status).toBe(202);
    await eventually(async () => mailsAbout('Gone receiver', 'disabled').length >= 2);
    expect(mailsAbout('Gone receiver', 'disabled')[0].parsed.text).toContain("because its receiver answered 410 Gone, which tells the hub to stop sending.");
    expect(mailsAbout('Gone receiver', 'disabled')[0].parsed.text).toContain('Last error: HTTP 410\n');
    expect(await storedMails('Gone receiver', 'failing')).toBe(0);
  });

  it('after a success, a new run of failures emails again', async () => {
    const id = await failingEndpoint('Flaky', '/flaky', 'custom.flaky');
    expect((await publish('custom.flaky')).status).toBe(202);
    await eventually(async () => (await endpoint(id)).failing_notified_at !== null);
    expect(await storedMails('Flaky', 'failing')).toBe(2);

    up.add('/flaky'); // the next retry succeeds and ends the run
    await eventually(async () => (await endpoint(id)).failing_since === null);
    expect((await endpoint(id)).failing_notified_at).toBeNull();

    up.delete('/flaky');
    expect((await publish('custom.flaky')).status).toBe(202);
    await eventually(async () => mailsAbout('Flaky', 'failing').length >= 4, 30000);
    expect(recipients(mailsAbout('Flaky', 'failing'))).toEqual([a.email, a.email, secondAdmin, secondAdmin].sort());
    expect(await storedMails('Flaky', 'failing')).toBe(4);
  });

  it('sends one notice when many failures of the endpoint pass the threshold at the same moment', async () => {
    const id = await failingEndpoint('Busy', '/busy', 'custom.busy');
    // Failing for a minute already: the first attempt of each of the 12 deliveries finds the notice due.
    await hub.sql(`UPDATE endpoints SET failing_since = now() - interval '1 minute' WHERE id = $1`, [id]);
    const published = await Promise.all(Array.from({ length: 12 }, () => publish('custom.busy')));
    expect(published.map((res) => res.status)).toEqual(Array(12).fill(202));
    await eventually(async () => attemptsTo('/busy') >= 24);
    expect(await storedMails('Busy', 'failing')).toBe(2);
    await eventually(async () => mailsAbout('Busy', 'failing').length >= 2);
    expect(recipients(mailsAbout('Busy', 'failing'))).toEqual([a.email, secondAdmin].sort());
    // How many were retrying depends on how many had been claimed when the first failure was recorded.
    expect(mailsAbout('Busy', 'failing')[0].parsed.text).toMatch(/Retrying: {3}([1-9]|1[0-2]) deliveries\n/);
  });

  it('tells nobody outside the account', async () => {
    // Account B has its own endpoint (healthy) and publishes too; the hub's seeded admin has its own account.
    await seedEndpoint(hub, b.accountId, { url: receiver.url('/b-ok'), event_types: ['custom.order_paid'] });
    up.add('/b-ok');
    expect((await publish('custom.order_paid', b)).status).toBe(202);
    await eventually(async () => attemptsTo('/b-ok') >= 1);
    const everyone = new Set(alerts().flatMap((mail) => mail.to));
    expect([...everyone].sort()).toEqual([a.email, secondAdmin].sort());
    expect(await hub.sql(`SELECT to_address FROM system_mails WHERE template LIKE 'endpoint-%' AND to_address NOT IN ($1, $2)`, [a.email, secondAdmin])).toEqual([]);
  });
});
