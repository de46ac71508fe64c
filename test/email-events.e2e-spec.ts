import { Webhook } from 'standardwebhooks';
import { Account, Hub, startHub } from './harness';
import { seedEndpoint } from './support/endpoint-fixture';
import { mailgunBody, SendgridSigner, SnsSigner } from './support/esp-signers';
import { eventually, Receiver } from './support/receiver';
import { SmtpSink } from './support/smtp-sink';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:ses-events';
const MAILGUN_KEY = 'mailgun-webhook-signing-key-for-tests';
const SENDGRID_ID = 'W86EgYT6SQKk0lRflfLRsA';
const SES_ID = '0100018c7f3e5c0b-2a8f1d4e-9b7c-4a3e-8f6d-1c2b3a4d5e6f-000000';

/**
 * The ESP delivery webhooks end to end: each provider's request built and
 * signed as the provider does, posted to the real route, stored, applied by
 * the worker to messages sent through a real SMTP server, and delivered to a
 * subscribed endpoint as message.* (verified with standardwebhooks).
 */
describe('email delivery webhooks: Mailgun, SES through SNS, SendGrid, Postmark', () => {
  let hub: Hub;
  let smtp: SmtpSink;
  let sns: Receiver;
  let receiver: Receiver;
  let a: Account;
  let secret: string;
  const channels: Record<string, string> = {};
  const sendgrid = new SendgridSigner();
  const snsSigner = new SnsSigner();
  let smtpReply = 'Ok';

  const createChannel = async (provider: string, extra: Record<string, unknown>) => {
    const res = await hub.request('POST', '/api/channels', {
      token: a.token,
      body: { type: 'email', name: `${provider} mail`, from_address: 'hello@shop.example.com', provider, smtp: { host: '127.0.0.1', port: smtp.port, secure: false }, ...extra },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const sendMail = async (channel: string, to: string) => {
    const res = await hub.request('POST', '/api/email/send', { token: a.token, body: { channel_id: channels[channel], to, subject: 'Hello', body: 'Hi there' } });
    expect(res.status).toBe(202);
    const id = res.body.message_id as string;
    return eventually(async () => {
      const [row] = await hub.sql<{ id: string; status: string; message_id_header: string; provider_message_id: string | null }>(
        'SELECT id, status, message_id_header, provider_message_id FROM messages WHERE id = $1',
        [id],
      );
      return row.status === 'sent' ? row : null;
    });
  };
  const statusOf = async (id: string) => (await hub.sql<{ status: string }>('SELECT status FROM messages WHERE id = $1', [id]))[0].status;
  const waitForStatus = (id: string, status: string) => eventually(async () => (await statusOf(id)) === status, 15_000);
  const delivered = (type: string, messageId: string) =>
    receiver.received
      .map((r) => new Webhook(secret).verify(r.body, r.headers) as { type: string; data: Record<string, unknown> })
      .find((event) => event.type === type && event.data.message_id === messageId);
  const post = (provider: string, channel: string, raw: string, headers: Record<string, string> = {}, contentType = 'application/json') =>
    hub.request('POST', `/api/webhook/email/${provider}/${channel}`, { raw, headers, contentType });
  const lastLog = async (source: string) =>
    (await hub.sql<{ status_code: number; verification: string | null; error: string | null; account_id: string | null; outcome: string }>(
      'SELECT status_code, verification, error, account_id, outcome FROM inbound_logs WHERE source = $1 ORDER BY created_at DESC LIMIT 1',
      [source],
    ))[0];

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    smtp.answer = () => ({ accept: true, reply: smtpReply });
    sns = await new Receiver().start();
    sns.respond = (req) => (req.path.endsWith('.pem') ? { status: 200, body: snsSigner.cert } : { status: 200, body: '<ConfirmSubscriptionResponse/>' });
    receiver = await new Receiver().start();
    hub = await startHub({ env: { SNS_EXTRA_ORIGINS: new URL(sns.url()).origin } });
    a = await hub.signup();
    secret = (await seedEndpoint(hub, a.accountId, { url: receiver.url(), event_types: ['message.delivered', 'message.opened', 'message.clicked', 'message.bounced'] })).secret;
    channels.mailgun = await createChannel('mailgun', { webhook_signing_key: MAILGUN_KEY });
    channels.sendgrid = await createChannel('sendgrid', { sendgrid_public_key: sendgrid.publicKey });
    channels.postmark = await createChannel('postmark', { basic_auth: { user: 'postmark', pass: 'pm-pass-123' } });
    channels.ses = await createChannel('ses', {});
  });
  afterAll(async () => {
    await hub?.close();
    await Promise.all([smtp?.stop(), sns?.stop(), receiver?.stop()]);
  });

  describe('Mailgun', () => {
    it('matches a delivered event to the message by our Message-ID and tells the endpoint', async () => {
      smtpReply = 'Ok';
      const message = await sendMail('mailgun', 'ann@example.com');
      expect(message.message_id_header).toBe(`<${message.id}@shop.example.com>`);
      const eventData = { id: 'mg-ev-1', event: 'delivered', timestamp: Date.now() / 1000, recipient: 'ann@example.com', message: { headers: { 'message-id': message.message_id_header.slice(1, -1) } } };
      const res = await post('mailgun', channels.mailgun, mailgunBody(MAILGUN_KEY, eventData));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ stored: 1 });
      await waitForStatus(message.id, 'delivered');
      await eventually(async () => delivered('message.delivered', message.id), 15_000);
      expect(delivered('message.delivered', message.id)!.data).toMatchObject({ channel: 'email', to: 'ann@example.com', provider: 'mailgun', status: 'delivered' });
    });

    it('refuses forged and stale signatures with 401 (logged with the reason, under the channel\'s account), accepts a retry a day late', async () => {
      const eventData = { id: 'mg-ev-2', event: 'opened', timestamp: Date.now() / 1000, recipient: 'ann@example.com' };
      const forged = await post('mailgun', channels.mailgun, mailgunBody('not-the-key', eventData));
      expect(forged.status).toBe(401);
      expect(forged.body.message).toMatch(/signature does not match/);
      expect(await lastLog('mailgun')).toMatchObject({ status_code: 401, verification: 'failed', account_id: a.accountId, error: expect.stringMatching(/signature/) });
      // The channel's own log, as its page shows it: newest first, with the verification result.
      const log = await hub.request('GET', `/api/inbound-logs?path=${encodeURIComponent(`/api/webhook/email/mailgun/${channels.mailgun}`)}&limit=5`, { token: a.token });
      expect(log.status).toBe(200);
      expect(log.body.items[0]).toMatchObject({ status_code: 401, verification: 'failed' });
      expect(log.body.items.every((item: { url: string }) => item.url.endsWith(channels.mailgun))).toBe(true);
      const stale = await post('mailgun', channels.mailgun, mailgunBody(MAILGUN_KEY, eventData, { timestamp: Math.floor(Date.now() / 1000) - 2 * 86400 }));
      expect(stale.status).toBe(401);
      const late = await post('mailgun', channels.mailgun, mailgunBody(MAILGUN_KEY, eventData, { timestamp: Math.floor(Date.now() / 1000) - 20 * 3600 }));
      expect(late.status).toBe(200);
      expect(late.body).toEqual({ stored: 1 });
    });

    it('uses each token once: the same signature with another body is stored as nothing', async () => {
      const token = 'a'.repeat(50);
      const first = await post('mailgun', channels.mailgun, mailgunBody(MAILGUN_KEY, { id: 'mg-ev-3', event: 'opened', recipient: 'x@example.com' }, { token }));
      expect(first.body).toEqual({ stored: 1 });
      const replay = await post('mailgun', channels.mailgun, mailgunBody(MAILGUN_KEY, { id: 'mg-ev-4', event: 'complained', recipient: 'victim@example.com' }, { token }));
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual({ stored: 0 });
      expect(await lastLog('mailgun')).toMatchObject({ outcome: 'duplicate' });
      expect(await hub.sql('SELECT 1 FROM message_provider_events WHERE provider_event_id = $1', ['mailgun:mg-ev-4'])).toHaveLength(0);
    });

    it('answers 406 for a channel that does not exist (Mailgun stops retrying) and 404 for another provider\'s channel', async () => {
      const gone = await post('mailgun', '7c1e5a3b-9d2f-4e6a-8b0c-1d3e5f7a9b2c', mailgunBody(MAILGUN_KEY, { id: 'x', event: 'delivered' }));
      expect(gone.status).toBe(406);
      const other = await post('mailgun', channels.sendgrid, mailgunBody(MAILGUN_KEY, { id: 'x', event: 'delivered' }));
      expect(other.status).toBe(404);
      expect(other.body.message).toMatch(/receives sendgrid webhooks/);
    });
  });

  describe('SendGrid', () => {
    it('verifies a batch, applies each event once in status order, and skips what it cannot read', async () => {
      smtpReply = `Ok: queued as ${SENDGRID_ID}`;
      const message = await sendMail('sendgrid', 'bob@example.com');
      expect(message.provider_message_id).toBe(SENDGRID_ID);
      const sgId = `${SENDGRID_ID}.filter0425p1las1-13233-5E4F3D7A-B.0`;
      const now = Math.floor(Date.now() / 1000);
      const batch = [
        { email: 'bob@example.com', timestamp: now + 2, event: 'click', url: 'https://shop.example.com/sale', sg_event_id: 'sg-3', sg_message_id: sgId },
        { email: 'bob@example.com', timestamp: now, event: 'delivered', sg_event_id: 'sg-1', sg_message_id: sgId, 'smtp-id': message.message_id_header },
        42,
        { email: 'bob@example.com', timestamp: now + 1, event: 'open', sg_event_id: 'sg-2', sg_message_id: sgId },
        { email: 'bob@example.com', timestamp: now, event: 'processed', sg_event_id: 'sg-0', sg_message_id: sgId },
      ];
      const signed = sendgrid.sign(batch);
      const res = await post('sendgrid', channels.sendgrid, signed.raw, signed.headers);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ stored: 3 });
      await waitForStatus(message.id, 'clicked');
      const again = await post('sendgrid', channels.sendgrid, signed.raw, signed.headers);
      expect(again.body).toEqual({ stored: 0 });
      await eventually(async () => delivered('message.clicked', message.id), 15_000);
      expect(delivered('message.clicked', message.id)!.data).toMatchObject({ url: 'https://shop.example.com/sale', provider: 'sendgrid', status: 'clicked' });
      const detail = await hub.request('GET', `/api/messages/${message.id}`, { token: a.token });
      expect(detail.body.provider_events.map((e: { kind: string; provider: string }) => `${e.provider}:${e.kind}`)).toEqual(['sendgrid:delivered', 'sendgrid:opened', 'sendgrid:clicked']);
      expect(detail.body.status_history.map((step: { status: string }) => step.status)).toEqual(['queued', 'sent', 'delivered', 'opened', 'clicked']);
    });

    it('refuses a wrong signature with 401 and a signed body that is not an array with 422', async () => {
      const signed = sendgrid.sign([{ event: 'delivered', sg_event_id: 'sg-x' }]);
      const tampered = await post('sendgrid', channels.sendgrid, signed.raw.replace('delivered', 'bounce'), signed.headers);
      expect(tampered.status).toBe(401);
      const unsigned = await post('sendgrid', channels.sendgrid, signed.raw);
      expect(unsigned.status).toBe(401);
      const other = new SendgridSigner().sign([{ event: 'delivered' }]);
      expect((await post('sendgrid', channels.sendgrid, other.raw, other.headers)).status).toBe(401);
      const object = sendgrid.sign({ event: 'delivered' } as never);
      const notArray = await post('sendgrid', channels.sendgrid, object.raw, object.headers);
      expect(notArray.status).toBe(422);
      expect(notArray.body.details).toEqual([{ field: 'body', message: 'must be a JSON array' }]);
    });

    it('marks the address undeliverable after a hard bounce, and later sends skip it', async () => {
      const contact = await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'gone@example.org' } });
      smtpReply = 'Ok: queued as GONE1';
      const message = await sendMail('sendgrid', 'gone@example.org');
      const signed = sendgrid.sign([{ email: 'gone@example.org', timestamp: Math.floor(Date.now() / 1000), event: 'bounce', type: 'bounce', reason: '550 5.1.1 no such user', sg_event_id: 'sg-b1', sg_message_id: 'GONE1.filter1' }]);
      expect((await post('sendgrid', channels.sendgrid, signed.raw, signed.headers)).status).toBe(200);
      await waitForStatus(message.id, 'bounced');
      const [row] = await hub.sql<{ email_undeliverable: boolean }>('SELECT email_undeliverable FROM contacts WHERE id = $1', [contact.body.id]);
      expect(row.email_undeliverable).toBe(true);
      await eventually(async () => delivered('message.bounced', message.id), 15_000);
      expect(delivered('message.bounced', message.id)!.data).toMatchObject({ bounce_type: 'hard', reason: '550 5.1.1 no such user' });
      const later = await hub.request('POST', '/api/email/send', { token: a.token, body: { channel_id: channels.sendgrid, to: 'gone@example.org', subject: 'Hi', body: 'Hi' } });
      const [skipped] = await hub.sql<{ status: string; error: string }>('SELECT status, error FROM messages WHERE id = $1', [later.body.message_id]);
      expect(skipped).toMatchObject({ status: 'failed', error: expect.stringMatching(/undeliverable/) });
    });
  });

  describe('Postmark', () => {
    const basic = (user: string, pass: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` });

    it('accepts the channel\'s basic auth and matches by Postmark\'s MessageID, refuses any other with 401', async () => {
      smtpReply = 'Ok: queued as 883953f4-6105-42a2-a16a-77a8eac79483';
      const message = await sendMail('postmark', 'carol@example.com');
      const record = JSON.stringify({ RecordType: 'Delivery', MessageID: '883953f4-6105-42a2-a16a-77a8eac79483', Recipient: 'carol@example.com', DeliveredAt: new Date().toISOString() });
      expect((await post('postmark', channels.postmark, record, basic('postmark', 'wrong'))).status).toBe(401);
      expect((await post('postmark', channels.postmark, record)).status).toBe(401);
      const ok = await post('postmark', channels.postmark, record, basic('postmark', 'pm-pass-123'));
      expect(ok.status).toBe(200);
      await waitForStatus(message.id, 'delivered');
      const noType = await post('postmark', channels.postmark, JSON.stringify({ MessageID: 'x' }), basic('postmark', 'pm-pass-123'));
      expect(noType.status).toBe(422);
    });
  });

  describe('Amazon SES through SNS', () => {
    const certUrl = () => sns.url('/SimpleNotificationService-test.pem');
    const confirmation = () =>
      snsSigner.sign(
        {
          Type: 'SubscriptionConfirmation',
          MessageId: 'c0nf1rm-0001',
          Token: '2336412f37fb687f5d51e6e2425dacbba',
          TopicArn: TOPIC,
          Message: `You have chosen to subscribe to the topic ${TOPIC}.`,
          SubscribeURL: sns.url(`/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=2336412f37fb687f5d51e6e2425dacbba`),
          Timestamp: new Date().toISOString(),
          SigningCertURL: certUrl(),
        },
        '1',
      );
    const notification = (id: string, ses: Record<string, unknown>, overrides: Record<string, string> = {}) =>
      snsSigner.sign({ Type: 'Notification', MessageId: id, TopicArn: TOPIC, Message: JSON.stringify(ses), Timestamp: new Date().toISOString(), SigningCertURL: certUrl(), ...overrides }, '2');

    it('confirms the subscription in the worker (text/plain, SignatureVersion 1) and adopts its topic', async () => {
      const res = await post('ses', channels.ses, JSON.stringify(confirmation()), { 'x-amz-sns-message-type': 'SubscriptionConfirmation' }, 'text/plain; charset=UTF-8');
      expect(res.status).toBe(200);
      await eventually(async () => sns.received.some((r) => r.path.includes('Action=ConfirmSubscription')), 15_000);
      const [channel] = await hub.sql<{ sns_topic_arn: string }>('SELECT sns_topic_arn FROM channels WHERE id = $1', [channels.ses]);
      expect(channel.sns_topic_arn).toBe(TOPIC);
      await eventually(async () => (await hub.sql<{ status: string }>('SELECT status FROM sns_confirmations WHERE channel_id = $1', [channels.ses]))[0]?.status === 'confirmed');
    });

    it('applies a verified bounce (SignatureVersion 2) to the message sent through SES\'s relay', async () => {
      const contact = await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'dave@example.com' } });
      smtpReply = `Ok ${SES_ID}`;
      const message = await sendMail('ses', 'dave@example.com');
      expect(message.provider_message_id).toBe(SES_ID);
      const bounce = {
        notificationType: 'Bounce',
        mail: { messageId: SES_ID, timestamp: new Date().toISOString(), destination: ['dave@example.com'] },
        bounce: { bounceType: 'Permanent', timestamp: new Date().toISOString(), bouncedRecipients: [{ emailAddress: 'dave@example.com', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }] },
      };
      const res = await post('ses', channels.ses, JSON.stringify(notification('n-1', bounce)), {}, 'text/plain; charset=UTF-8');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ stored: 1 });
      await waitForStatus(message.id, 'bounced');
      const [row] = await hub.sql<{ email_undeliverable: boolean }>('SELECT email_undeliverable FROM contacts WHERE id = $1', [contact.body.id]);
      expect(row.email_undeliverable).toBe(true);
      const retry = await post('ses', channels.ses, JSON.stringify(notification('n-1', bounce)), {}, 'text/plain; charset=UTF-8');
      expect(retry.body).toEqual({ stored: 0 });
    });

    it('refuses another topic, a certificate from another host, and a tampered message with 401; a body that is not SNS with 400', async () => {
      const delivery = { notificationType: 'Delivery', mail: { messageId: 'x', destination: ['e@example.com'] }, delivery: { recipients: ['e@example.com'] } };
      expect((await post('ses', channels.ses, JSON.stringify(notification('n-2', delivery, { TopicArn: 'arn:aws:sns:us-east-1:123456789012:other' })), {}, 'text/plain')).status).toBe(401);
      const foreign = await post('ses', channels.ses, JSON.stringify(notification('n-3', delivery, { SigningCertURL: 'https://evil.example.com/cert.pem' })), {}, 'text/plain');
      expect(foreign.status).toBe(401);
      expect(foreign.body.message).toMatch(/SigningCertURL/);
      const signed = notification('n-4', delivery);
      const tampered = await post('ses', channels.ses, JSON.stringify({ ...signed, Message: signed.Message.replace('Delivery', 'Complaint') }), {}, 'text/plain');
      expect(tampered.status).toBe(401);
      expect(await lastLog('ses')).toMatchObject({ status_code: 401, verification: 'failed', account_id: a.accountId });
      const notSns = await post('ses', channels.ses, JSON.stringify({ hello: 'world' }), {}, 'text/plain');
      expect(notSns.status).toBe(400);
      expect(notSns.body.details[0].field).toBe('Type');
      // Not an SNS message: nothing was there to verify.
      expect(await lastLog('ses')).toMatchObject({ status_code: 400, verification: null });
    });
  });
});
