import { MessageSendSweep as MessageSweeper } from '../libs/messaging/src';
import { Account, Hub, startHub } from './harness';
import { eventually, Receiver } from './support/receiver';
import { ShortMessageRetriesModule } from './support/short-message-retries.module';
import { SmtpSink } from './support/smtp-sink';

const SES_ID = '0100018c7f3e5c0b-2a8f1d4e-9b7c-4a3e-8f6d-1c2b3a4d5e6f-000000';
const NODE_SECRET = 'node-secret-7c1e';

describe('messaging: send API, transports, worker (SPEC §4 Send API)', () => {
  let hub: Hub;
  let a: Account;
  let b: Account;
  let smtp: SmtpSink;
  let smtpAuth: SmtpSink;
  let waNode: Receiver;
  let smsProvider: Receiver;
  let emailChannel: string;
  let authEmailChannel: string;
  let whatsappChannel: { id: string; session_id: string };
  let smsChannel: string;

  const send = (channel: string, body: unknown, account: Account = a) => hub.request('POST', `/api/${channel}/send`, { token: account.token, body });
  const message = async (id: string) => (await hub.sql('SELECT * FROM messages WHERE id = $1', [id]))[0];
  const settled = (id: string, status = 'sent') => eventually(async () => ((await message(id))?.status === status ? message(id) : null));
  const eventsOf = (type: string, messageId: string) => hub.sql("SELECT * FROM events WHERE type = $1 AND data->>'message_id' = $2", [type, messageId]);
  const createChannel = async (body: Record<string, unknown>, account: Account = a) => {
    const res = await hub.request('POST', '/api/channels', { token: account.token, body });
    if (res.status !== 201) throw new Error(`channel: ${res.status} ${res.text}`);
    return res.body;
  };
  const emailChannelFor = (port: number, auth?: { user: string; pass: string }) =>
    createChannel({
      type: 'email',
      name: `SMTP ${port}`,
      from_address: 'hello@shop.example.com',
      provider: 'ses',
      smtp: { host: '127.0.0.1', port, secure: false, ...(auth ? { user: auth.user, pass: auth.pass } : {}) },
    });
  const fieldsOf = (body: { details?: { field?: string }[] }) => (body.details ?? []).map((d) => d.field);

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    smtp.answer = () => ({ accept: true, reply: `Ok ${SES_ID}` });
    smtpAuth = await new SmtpSink({ user: 'relay-user', pass: 'relay-pass-PLAINTEXT' }).start();
    waNode = await new Receiver().start();
    waNode.respond = (_req, n) => ({ status: 200, body: JSON.stringify({ id: `3EB0WA${n}` }), headers: { 'content-type': 'application/json' } });
    smsProvider = await new Receiver().start();
    smsProvider.respond = () => ({ status: 201, body: JSON.stringify({ sid: 'SM0123456789abcdef' }), headers: { 'content-type': 'application/json' } });
    hub = await startHub({
      env: { WHATSAPP_NODE_URL: waNode.url(''), WHATSAPP_NODE_SECRET: NODE_SECRET, WEBHOOK_SWEEP_INTERVAL_MS: '500' },
      modules: [ShortMessageRetriesModule],
    });
    a = await hub.signup();
    b = await hub.signup();
    emailChannel = (await emailChannelFor(smtp.port)).id;
    authEmailChannel = (await emailChannelFor(smtpAuth.port, { user: 'relay-user', pass: 'relay-pass-PLAINTEXT' })).id;
    whatsappChannel = await createChannel({ type: 'whatsapp', name: 'Support WhatsApp' });
    smsChannel = (await createChannel({ type: 'sms', name: 'Alerts', from_number: '+15555550123', provider_url: smsProvider.url('/2010-04-01/Messages'), auth_token: 'sms-token-123' })).id;
  });

  afterAll(async () => {
    await hub?.close();
    await Promise.all([smtp?.stop(), smtpAuth?.stop(), waNode?.stop(), smsProvider?.stop()]);
  });

  it('renders a Liquid email, sends it over SMTP with our Message-ID and one-click unsubscribe, and records message.sent', async () => {
    const contact = await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'maria.gonzalez@example.com', first_name: 'María' } });
    expect(contact.status).toBe(201);
    const res = await send('email', {
      channel_id: emailChannel,
      to: 'Maria.Gonzalez@Example.com',
      subject: 'Order {{ order_id }} has shipped',
      template: '<p>Hi {{ first_name }} & co, order {{ order_id | upcase }} is on its way.</p><p><a href="{{ link_unsubscribe }}">Unsubscribe</a></p>',
      variables: { first_name: '<María>', order_id: 'a-1042' },
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ message_id: expect.any(String), status: 'queued' });
    const id = res.body.message_id;

    await smtp.waitFor(1);
    const mail = smtp.mails[0];
    expect(mail.to).toEqual(['maria.gonzalez@example.com']);
    expect(mail.from).toBe('hello@shop.example.com');
    expect(mail.parsed.subject).toBe('Order a-1042 has shipped');
    expect(mail.parsed.html).toContain('<p>Hi &lt;María&gt; & co, order A-1042 is on its way.</p>');
    const link = /href="([^"]+)"/.exec(String(mail.parsed.html))![1];
    expect(link).toMatch(new RegExp(`^${hub.config.publicUrl}/u/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$`));
    expect(SmtpSink.header(mail, 'List-Unsubscribe')).toBe(`<${link}>`);
    expect(SmtpSink.header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    const sent = await settled(id);
    expect(mail.parsed.messageId).toBe(sent.message_id_header);
    // The from-address domain, never the hub's own host name (localhost in tests).
    expect(sent.message_id_header).toBe(`<${id}@shop.example.com>`);
    expect(sent).toMatchObject({ status: 'sent', provider_message_id: SES_ID, contact_id: contact.body.id, to: 'maria.gonzalez@example.com', attempt_count: 1, error: null, source: 'api' });
    expect(sent.body).toContain(link);

    const detail = await hub.request('GET', `/api/messages/${id}`, { token: a.token });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id, status: 'sent', channel: 'email', channel_id: emailChannel, subject: 'Order a-1042 has shipped', provider_message_id: SES_ID });
    expect(detail.body.status_history.map((h: { status: string }) => h.status)).toEqual(['queued', 'sent']);
    expect(detail.body).not.toHaveProperty('account_id');

    const [event] = await eventsOf('message.sent', id);
    expect(event).toMatchObject({ account_id: a.accountId, channel: 'email', channel_id: emailChannel });
    expect(event.data).toEqual({
      message_id: id,
      channel: 'email',
      channel_id: emailChannel,
      contact_id: contact.body.id,
      to: 'maria.gonzalez@example.com',
      provider_message_id: SES_ID,
      status: 'sent',
      occurred_at: new Date(sent.sent_at).toISOString(),
    });

    // The link in the mail opens the confirmation page.
    const page = await fetch(link.replace(hub.config.publicUrl, hub.url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Confirm unsubscribe');
  });

  it('authenticates to the relay, sends a plain body as text, and keeps our Message-ID when the reply has no id', async () => {
    const res = await send('email', { channel_id: authEmailChannel, to: 'new.person@example.com', subject: 'Hello', body: 'Plain text.{{ link_unsubscribe }}' });
    expect(res.status).toBe(202);
    await smtpAuth.waitFor(1);
    const mail = smtpAuth.mails[0];
    expect(mail.user).toBe('relay-user');
    expect(mail.parsed.text?.trim()).toBe('Plain text.');
    expect(mail.parsed.html).toBe(false);
    expect(SmtpSink.header(mail, 'List-Unsubscribe')).toBeUndefined();
    const sent = await settled(res.body.message_id);
    expect(sent).toMatchObject({ contact_id: null, provider_message_id: null });
    const [event] = await eventsOf('message.sent', res.body.message_id);
    // Without an ESP id, events name the message by our Message-ID.
    expect(event.data.provider_message_id).toBe(sent.message_id_header);
  });

  it('sends WhatsApp text through the node service with its secret', async () => {
    const res = await send('whatsapp', { channel_id: whatsappChannel.id, to: '+34 612 34 56 78', body: 'Hola, tu pedido está listo' });
    expect(res.status).toBe(202);
    await waNode.waitFor(1);
    const [got] = waNode.received;
    expect(got.path).toBe(`/sessions/${whatsappChannel.session_id}/messages`);
    expect(got.headers['x-node-secret']).toBe(NODE_SECRET);
    expect(got.headers['content-type']).toBe('application/json');
    expect(JSON.parse(got.body)).toEqual({ to: '+34612345678', text: 'Hola, tu pedido está listo' });
    const sent = await settled(res.body.message_id);
    expect(sent).toMatchObject({ channel: 'whatsapp', to: '+34612345678', provider_message_id: '3EB0WA1', message_id_header: null, subject: null });
    const [event] = await eventsOf('message.sent', res.body.message_id);
    expect(event).toMatchObject({ channel: 'whatsapp', channel_id: whatsappChannel.id });
    expect(event.data).toMatchObject({ channel: 'whatsapp', provider_message_id: '3EB0WA1', status: 'sent' });
  });

  it('posts SMS to the provider as a form with the bearer token', async () => {
    const res = await send('sms', { channel_id: smsChannel, to: '+1 (415) 555-0123', template: 'Your code is {{ code }}', variables: { code: 4821 } });
    expect(res.status).toBe(202);
    await smsProvider.waitFor(1);
    const [got] = smsProvider.received;
    expect(got.path).toBe('/2010-04-01/Messages');
    expect(got.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(got.headers.authorization).toBe('Bearer sms-token-123');
    expect(Object.fromEntries(new URLSearchParams(got.body))).toEqual({ To: '+14155550123', From: '+15555550123', Body: 'Your code is 4821' });
    const sent = await settled(res.body.message_id);
    expect(sent).toMatchObject({ channel: 'sms', provider_message_id: 'SM0123456789abcdef' });
    expect(await eventsOf('message.sent', res.body.message_id)).toHaveLength(1);
  });

  it('retries a temporary SMTP failure, then fails after three tries with message.failed', async () => {
    const failing = await new SmtpSink().start();
    try {
      failing.answer = () => ({ accept: false, code: 451, message: '4.3.0 Mail server temporarily rejected message' });
      const channel = (await emailChannelFor(failing.port)).id;
      const res = await send('email', { channel_id: channel, to: 'someone@example.com', subject: 'Retry me', body: 'Hi' });
      expect(res.status).toBe(202);
      const failed = await settled(res.body.message_id, 'failed');
      expect(failing.dataCount).toBe(3);
      expect(failed.attempt_count).toBe(3);
      expect(failed.error).toContain('451');
      expect(failed.status_history.map((h: { status: string }) => h.status)).toEqual(['queued', 'failed']);
      const [event] = await eventsOf('message.failed', res.body.message_id);
      expect(event.data).toMatchObject({ message_id: res.body.message_id, channel: 'email', status: 'failed', to: 'someone@example.com', error: failed.error });
      expect(await eventsOf('message.sent', res.body.message_id)).toHaveLength(0);
    } finally {
      await failing.stop();
    }
  });

  it('fails at once when the SMTP server rejects the message permanently', async () => {
    const rejecting = await new SmtpSink().start();
    try {
      rejecting.answer = () => ({ accept: false, code: 550, message: '5.1.1 The email account that you tried to reach does not exist' });
      const channel = (await emailChannelFor(rejecting.port)).id;
      const res = await send('email', { channel_id: channel, to: 'gone@example.com', subject: 'Hi', body: 'Hi' });
      const failed = await settled(res.body.message_id, 'failed');
      expect(rejecting.dataCount).toBe(1);
      expect(failed.attempt_count).toBe(1);
      expect(failed.error).toMatch(/^SMTP server answered 550 .*does not exist/);
    } finally {
      await rejecting.stop();
    }
  });

  it('retries a WhatsApp node 503 and sends on the next try', async () => {
    const before = waNode.received.length;
    waNode.respond = (_req, n) => (n === before + 1 ? { status: 503, body: 'session restarting' } : { status: 201, body: JSON.stringify({ id: 'WA-RETRIED' }) });
    const res = await send('whatsapp', { channel_id: whatsappChannel.id, to: '+34612345679', body: 'again' });
    const sent = await settled(res.body.message_id);
    expect(sent).toMatchObject({ attempt_count: 2, provider_message_id: 'WA-RETRIED', error: null });
    expect(waNode.received.length).toBe(before + 2);
  });

  it('never sends to an undeliverable or unsubscribed contact: failed with a suppression error and message.failed', async () => {
    const bounced = await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'bounced@example.com' } });
    await hub.sql('UPDATE contacts SET email_undeliverable = true WHERE id = $1', [bounced.body.id]);
    const res = await send('email', { channel_id: emailChannel, to: 'BOUNCED@example.com', subject: 'Hi', body: 'Hi' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ message_id: expect.any(String), status: 'failed' });
    const stored = await message(res.body.message_id);
    expect(stored).toMatchObject({ status: 'failed', attempt_count: 0, contact_id: bounced.body.id });
    expect(stored.error).toMatch(/^suppressed: .*undeliverable/);
    const [event] = await eventsOf('message.failed', res.body.message_id);
    expect(event.data).toMatchObject({ status: 'failed', error: stored.error, contact_id: bounced.body.id });

    const gone = await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'optout@example.com' } });
    await hub.sql('UPDATE contacts SET unsubscribed_at = now() WHERE id = $1', [gone.body.id]);
    const optout = await send('email', { channel_id: emailChannel, to: 'optout@example.com', subject: 'Hi', body: 'Hi' });
    expect((await message(optout.body.message_id)).error).toMatch(/^suppressed: .*unsubscribed/);

    // A later send to a deliverable address goes out; the suppressed ones never reached the server.
    const ok = await send('email', { channel_id: emailChannel, to: 'fine@example.com', subject: 'Hi', body: 'Hi' });
    await settled(ok.body.message_id);
    expect(smtp.mails.flatMap((m) => m.to)).not.toEqual(expect.arrayContaining(['bounced@example.com']));
    expect(smtp.mails.flatMap((m) => m.to)).not.toEqual(expect.arrayContaining(['optout@example.com']));
  });

  it('answers 400 naming the field for bad input, and 404 for another account’s channel', async () => {
    const unknown = await send('email', { channel_id: emailChannel, to: 'x@example.com', subject: 'Hi', body: 'Hi', account_id: b.accountId, priority: 'high' });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(expect.arrayContaining(['account_id', 'priority']));

    const wrongType = await send('sms', { channel_id: emailChannel, to: '+14155550123', body: 'Hi' });
    expect(wrongType.status).toBe(400);
    expect(fieldsOf(wrongType.body)).toEqual(['channel_id']);
    expect(wrongType.body.message).toContain(emailChannel);

    const noBody = await send('email', { channel_id: emailChannel, to: 'x@example.com', subject: 'Hi' });
    expect(noBody.status).toBe(400);
    expect(fieldsOf(noBody.body)).toEqual(['body', 'template']);

    const both = await send('sms', { channel_id: smsChannel, to: '+14155550123', body: 'a', template: 'b' });
    expect(both.status).toBe(400);

    const noSubject = await send('email', { channel_id: emailChannel, to: 'x@example.com', body: 'Hi' });
    expect(fieldsOf(noSubject.body)).toEqual(['subject']);

    const badTo = await send('email', { channel_id: emailChannel, to: 'not-an-address', subject: 'Hi', body: 'Hi' });
    expect(badTo.status).toBe(400);
    expect(fieldsOf(badTo.body)).toEqual(['to']);
    const badPhone = await send('sms', { channel_id: smsChannel, to: 'call me', body: 'Hi' });
    expect(fieldsOf(badPhone.body)).toEqual(['to']);

    const badFilter = await send('sms', { channel_id: smsChannel, to: '+14155550123', template: '{{ code | explode }}', variables: { code: 1 } });
    expect(badFilter.status).toBe(400);
    expect(fieldsOf(badFilter.body)).toEqual(['template']);

    const include = await send('sms', { channel_id: smsChannel, to: '+14155550123', template: "{% include '/etc/passwd' %}" });
    expect(include.status).toBe(400);

    const theirs = await send('email', { channel_id: emailChannel, to: 'x@example.com', subject: 'Hi', body: 'Hi' }, b);
    expect(theirs.status).toBe(404);
    expect(JSON.stringify(theirs.body)).not.toContain('127.0.0.1');

    const noAuth = await hub.request('POST', '/api/email/send', { body: { channel_id: emailChannel, to: 'x@example.com', subject: 'Hi', body: 'Hi' } });
    expect(noAuth.status).toBe(401);

    // None of the refused requests stored a message.
    const [{ n }] = await hub.sql("SELECT count(*)::int AS n FROM messages WHERE \"to\" IN ('x@example.com', 'not-an-address')");
    expect(n).toBe(0);
  });

  it('accepts an API key', async () => {
    const key = await hub.request('POST', '/api/api-keys', { token: a.token, body: { name: 'sender' } });
    const res = await hub.request('POST', '/api/sms/send', { token: key.body.key, body: { channel_id: smsChannel, to: '+14155550199', body: 'via key' } });
    expect(res.status).toBe(202);
    await settled(res.body.message_id);
  });

  it('lists messages newest first with filters and cursor, per account', async () => {
    const all = await hub.request('GET', '/api/messages?limit=2', { token: a.token });
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.items[0]).not.toHaveProperty('body');
    expect(all.body.next_cursor).toEqual(expect.any(String));
    const next = await hub.request('GET', `/api/messages?limit=2&cursor=${all.body.next_cursor}`, { token: a.token });
    expect(next.body.items[0].created_at <= all.body.items[1].created_at).toBe(true);

    const byChannel = await hub.request('GET', `/api/messages?channel_id=${smsChannel}&status=sent`, { token: a.token });
    expect(byChannel.body.items.length).toBeGreaterThanOrEqual(2);
    expect(byChannel.body.items.every((m: { channel_id: string; status: string }) => m.channel_id === smsChannel && m.status === 'sent')).toBe(true);

    const byTo = await hub.request('GET', `/api/messages?to=${encodeURIComponent('+1 415 555 0123')}`, { token: a.token });
    expect(byTo.body.items.map((m: { to: string }) => m.to)).toEqual(['+14155550123']);
    const byEmail = await hub.request('GET', '/api/messages?to=MARIA.GONZALEZ@example.com', { token: a.token });
    expect(byEmail.body.items).toHaveLength(1);

    const failed = await hub.request('GET', '/api/messages?status=failed', { token: a.token });
    expect(failed.body.items.length).toBeGreaterThanOrEqual(3);

    const badStatus = await hub.request('GET', '/api/messages?status=lost', { token: a.token });
    expect(badStatus.status).toBe(400);

    expect((await hub.request('GET', '/api/messages', { token: b.token })).body.items).toEqual([]);
    expect((await hub.request('GET', `/api/messages/${all.body.items[0].id}`, { token: b.token })).status).toBe(404);
    expect((await hub.request('GET', '/api/messages/not-a-uuid', { token: a.token })).status).toBe(404);
  });

  it('sends a queued message whose job vanished from Redis (the sweeper re-enqueues it from PostgreSQL)', async () => {
    const before = smsProvider.received.length;
    const [row] = await hub.sql(
      `INSERT INTO messages (account_id, channel_id, channel, "to", body, status, status_history, source, next_attempt_at)
       VALUES ($1, $2, 'sms', '+14155550177', 'from the sweeper', 'queued', $3, 'workflow', now() - interval '1 minute') RETURNING id`,
      [a.accountId, smsChannel, JSON.stringify([{ status: 'queued', at: new Date().toISOString(), detail: null }])],
    );
    const sent = await settled(row.id);
    expect(sent.attempt_count).toBe(1);
    expect(smsProvider.received.slice(before).map((r) => new URLSearchParams(r.body).get('Body'))).toEqual(['from the sweeper']);
    expect(hub.app.get(MessageSweeper)).toBeDefined();
  });

  it('documents every route in Swagger', async () => {
    const docs = await hub.request('GET', '/api/docs-json');
    for (const path of ['/api/email/send', '/api/whatsapp/send', '/api/sms/send']) {
      expect(docs.body.paths[path].post.responses['202']).toBeDefined();
      expect(docs.body.paths[path].post.security).toEqual([{ bearer: [] }]);
    }
    expect(docs.body.paths['/api/messages'].get.responses['200']).toBeDefined();
    expect(docs.body.paths['/api/messages/{id}'].get.responses['404']).toBeDefined();
    expect(docs.body.paths['/u/{token}'].get).toBeDefined();
    expect(docs.body.paths['/u/{token}'].post).toBeDefined();
    expect(Object.keys(docs.body.components.schemas.SendMessageDto.properties)).toEqual(['channel_id', 'to', 'subject', 'body', 'template', 'variables']);
  });
});
