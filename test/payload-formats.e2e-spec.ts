import { Webhook } from 'standardwebhooks';
import { Account, Hub, startHub } from './harness';
import { eventually, Receiver } from './support/receiver';
import { SmtpSink } from './support/smtp-sink';

interface Received {
  format: string;
  body: Record<string, any>;
}

/**
 * Drop-in payload formats, end to end: endpoints in each format get real
 * deliveries whose bodies are checked field by field, signed over the body
 * exactly as sent (verified with standardwebhooks), with `webhook-format`
 * naming the shape; an event a format cannot express arrives as standard.
 */
describe('payload formats: receivers written for other platforms', () => {
  let hub: Hub;
  let receiver: Receiver;
  let smtp: SmtpSink;
  let a: Account;
  const secrets: Record<string, string> = {};
  let emailChannel: string;
  let whatsappChannel: string;

  const endpoint = async (name: string, body: Record<string, unknown>) => {
    const res = await hub.request('POST', '/api/endpoints', { token: a.token, body: { url: receiver.url(`/${name}`), skip_verification: true, ...body } });
    expect(res.status).toBe(201);
    secrets[name] = res.body.secret;
    return res.body.id as string;
  };
  /** Bodies that reached /<name>, verified with the endpoint's secret as its receiver would. */
  const receivedAt = (name: string): Received[] =>
    receiver.received
      .filter((r) => r.path === `/${name}`)
      .map((r) => {
        new Webhook(secrets[name]).verify(r.body, r.headers);
        return { format: r.headers['webhook-format'], body: JSON.parse(r.body) };
      });
  const waitFor = (name: string, match: (r: Received) => boolean) => eventually(async () => receivedAt(name).find(match), 20_000);
  const publish = async (type: string, data: Record<string, unknown>, channelId?: string) => {
    const res = await hub.request('POST', '/api/events', { token: a.token, body: { type, data, ...(channelId ? { channel_id: channelId } : {}) } });
    expect(res.status).toBe(202);
  };

  beforeAll(async () => {
    receiver = await new Receiver().start();
    smtp = await new SmtpSink().start();
    hub = await startHub();
    a = await hub.signup();
    emailChannel = (await hub.request('POST', '/api/channels', { token: a.token, body: { type: 'email', name: 'Shop mail', from_address: 'hello@shop.example.com', provider: 'smtp', smtp: { host: '127.0.0.1', port: smtp.port, secure: false } } })).body.id;
    whatsappChannel = (await hub.request('POST', '/api/channels', { token: a.token, body: { type: 'whatsapp', name: 'Support WhatsApp' } })).body.id;
    await hub.sql("UPDATE channels SET phone = '+5511987654321' WHERE id = $1", [whatsappChannel]);
    await endpoint('crm', { event_types: ['contact.created', 'contact.updated', 'contact_status.updated', 'workflow.enrolled'], payload_format: 'crm_model' });
    await endpoint('flat', { event_types: ['message.sent', 'group.subscribed', 'contact.created'], payload_format: 'flat_event' });
    await endpoint('gateway', { event_types: ['message.received', 'message.delivered', 'whatsapp.session.updated'], payload_format: 'channel_event' });
    await endpoint('assistant', { event_types: ['message.received'], payload_format: 'conversation' });
  });
  afterAll(async () => {
    await hub?.close();
    await Promise.all([receiver?.stop(), smtp?.stop()]);
  });

  it('crm_model: contact created and updated as CRM model events, with the record before the update', async () => {
    const created = await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'maria@example.com', first_name: 'María', last_name: 'González', phone: '+34612345678' } });
    const id = created.body.id;
    await hub.request('PATCH', `/api/contacts/${id}`, { token: a.token, body: { last_name: 'González Ruiz' } });
    const create = await waitFor('crm', (r) => r.body.event === 'created' && r.body.data?.id === id);
    expect(create.format).toBe('crm_model');
    expect(create.body).toEqual({
      event: 'created',
      model: 'App\\Models\\Tenant\\Contact',
      data: {
        id,
        attributes: {
          id,
          firstname: 'María',
          lastname: 'González',
          phone: '+34612345678',
          email: 'maria@example.com',
          type: 'lead',
          status_id: null,
          source_id: null,
          custom_fields: {},
          created_at: expect.any(String),
          updated_at: expect.any(String),
        },
        relations: {},
      },
      original: null,
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/),
    });
    const update = await waitFor('crm', (r) => r.body.event === 'updated' && r.body.data?.id === id);
    expect(update.body.data.attributes.lastname).toBe('González Ruiz');
    expect(update.body.original).toMatchObject({ id, lastname: 'González', firstname: 'María' });

    const status = await hub.request('POST', '/api/contact-statuses', { token: a.token, body: { name: 'Warm' } });
    await hub.request('PATCH', `/api/contact-statuses/${status.body.id}`, { token: a.token, body: { name: 'Qualified' } });
    const renamed = await waitFor('crm', (r) => r.body.model === 'App\\Models\\Tenant\\Status');
    expect(renamed.body).toMatchObject({ event: 'updated', data: { id: status.body.id, attributes: { name: 'Qualified' }, relations: {} }, original: { name: 'Warm' } });
  });

  it('falls back to the standard envelope, saying so, for an event the format cannot express', async () => {
    const workflow = await hub.request('POST', '/api/workflows', { token: a.token, body: { name: 'Welcome', steps: [{ type: 'wait', seconds: 3600 }] } });
    await hub.request('POST', `/api/automation/webhook/${workflow.body.trigger.webhook_id}`, { body: { email: 'newcomer@example.com' } });
    const standard = await waitFor('crm', (r) => r.body.type === 'workflow.enrolled');
    expect(standard.format).toBe('standard');
    expect(Object.keys(standard.body).sort()).toEqual(['account_id', 'channel', 'channel_id', 'data', 'id', 'timestamp', 'type']);
  });

  it('flat_event: a sent email, a group subscription and a new contact as flat objects with human names', async () => {
    const send = await hub.request('POST', '/api/email/send', { token: a.token, body: { channel_id: emailChannel, to: 'ann@example.com', subject: 'Hi', body: 'Hello' } });
    const sent = await waitFor('flat', (r) => r.body.event === 'message sent');
    expect(sent.format).toBe('flat_event');
    expect(sent.body).toEqual({
      event: 'message sent',
      message_id: expect.stringMatching(/^<.+@shop\.example\.com>$/),
      message_uid: send.body.message_id,
      sending_type: 'email',
      name: 'Shop mail',
      from: 'hello@shop.example.com',
      to: 'ann@example.com',
      timestamp: expect.any(String),
    });
    const group = await hub.request('POST', '/api/groups', { token: a.token, body: { name: 'Newsletter' } });
    await hub.request('POST', `/api/groups/${group.body.id}/members`, { token: a.token, body: { email: 'bob@example.com' } });
    const subscribed = await waitFor('flat', (r) => r.body.event === 'mailing group subscribe');
    expect(subscribed.body).toEqual({ event: 'mailing group subscribe', email: 'bob@example.com', group_id: group.body.id, group_name: 'Newsletter', channel: 'email', timestamp: expect.any(String) });
    const adding = await waitFor('flat', (r) => r.body.event === 'contact adding' && r.body.email === 'bob@example.com');
    expect(adding.body).toEqual({ event: 'contact adding', email: 'bob@example.com', phone: null, groups_names: [], groups_ids: [], timestamp: expect.any(String) });
  });

  it('channel_event and conversation: a received WhatsApp message as the gateway and an assistant platform shape it', async () => {
    // The conversation so far: the hub's reply before the message below (the bot's turn).
    await hub.sql(
      `INSERT INTO messages (account_id, channel_id, channel, "to", body, status, source, direction, sent_at, created_at)
       VALUES ($1, $2, 'whatsapp', '+34612345678', '¡Hola María! ¿En qué te ayudo?', 'delivered', 'api', 'outbound', '2026-11-22T14:09:00Z', '2026-11-22T14:09:00Z')`,
      [a.accountId, whatsappChannel],
    );
    await publish('message.received', {
      message_id: '7e9f1a3b-5c7d-4e9f-8a1b-3c5d7e9f1a2b',
      channel: 'whatsapp',
      channel_id: whatsappChannel,
      contact_id: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d',
      from: '+34612345678',
      text: '¿Tenéis cita el jueves?',
      provider_message_id: '3EB0A1B2C3D4E5F60718',
      received_at: '2026-11-22T14:10:33.000Z',
    }, whatsappChannel);
    const upsert = await waitFor('gateway', (r) => r.body.event === 'messages.upsert');
    expect(upsert.format).toBe('channel_event');
    expect(upsert.body).toEqual({
      event: 'messages.upsert',
      channel: 'whatsapp',
      channelId: whatsappChannel,
      data: { key: { remoteJid: '34612345678@s.whatsapp.net', fromMe: false, id: '3EB0A1B2C3D4E5F60718' }, message: { conversation: '¿Tenéis cita el jueves?' }, messageTimestamp: String(Date.parse('2026-11-22T14:10:33.000Z') / 1000), pushName: null },
    });
    const conversation = await waitFor('assistant', () => true);
    expect(conversation.format).toBe('conversation');
    expect(conversation.body).toMatchObject({
      last_messages: [
        { type: 'bot', content: '¡Hola María! ¿En qué te ayudo?', timestamp: '2026-11-22T14:09:00.000Z', content_type: 'text' },
        { type: 'user', content: '¿Tenéis cita el jueves?', timestamp: '2026-11-22T14:10:33.000Z', content_type: 'text' },
      ],
      conversation_paragraph: 'Bot: ¡Hola María! ¿En qué te ayudo?\nUser: ¿Tenéis cita el jueves?',
      phone_number: '34612345678',
      user_id: a.accountId,
      last_message_of_user: '¿Tenéis cita el jueves?',
      last_message_of_bot: '¡Hola María! ¿En qué te ayudo?',
      bot_last_message_time: '2026-11-22T14:09:00.000Z',
      labels: [],
    });

    await publish('whatsapp.session.updated', { channel_id: whatsappChannel, session_id: 'wa_x', status: 'connected', phone: '+5511987654321' }, whatsappChannel);
    const connection = await waitFor('gateway', (r) => r.body.event === 'connection.update');
    expect(connection.body).toEqual({ event: 'connection.update', channel: 'whatsapp', channelId: whatsappChannel, data: { state: 'open' } });
  });

  it('refuses an unknown format with 400 naming the allowed values, and shows each format in the catalog and the test send', async () => {
    const bad = await hub.request('POST', '/api/endpoints', { token: a.token, body: { url: receiver.url('/bad'), skip_verification: true, payload_format: 'zapier' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/payload_format must be one of standard, crm_model, channel_event, flat_event, conversation/);

    const catalog = await hub.request('GET', '/api/event-types?format=flat_event', { token: a.token });
    expect(catalog.status).toBe(200);
    const sentType = catalog.body.find((t: { type: string }) => t.type === 'message.sent');
    expect(sentType).toMatchObject({ example_format: 'flat_event', example_body: { event: 'message sent', sending_type: 'email' } });
    // Each format marks the one type its test send uses when none is named; the test below (crm_model) sends it.
    for (const [format, sample] of [['standard', 'webhook.test'], ['flat_event', 'message.sent'], ['crm_model', 'contact.updated']]) {
      const types = (await hub.request('GET', `/api/event-types?format=${format}`, { token: a.token })).body as { type: string; format_sample: boolean }[];
      expect(types.filter((t) => t.format_sample).map((t) => t.type)).toEqual([sample]);
    }
    expect((await hub.request('GET', '/api/event-types?format=nope', { token: a.token })).status).toBe(400);

    const test = await hub.request('POST', '/api/endpoints/test', { token: a.token, body: { url: receiver.url('/probe'), payload_format: 'crm_model' } });
    expect(test.status).toBe(200);
    expect(test.body.ok).toBe(true);
    const probe = receiver.received.filter((r) => r.path === '/probe').at(-1)!;
    expect(probe.headers['webhook-format']).toBe('crm_model');
    new Webhook(test.body.secret).verify(probe.body, probe.headers);
    expect(JSON.parse(probe.body)).toMatchObject({ event: 'updated', model: 'App\\Models\\Tenant\\Contact', original: { lastname: 'González' } });
  });
});
