import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MessageProviderEvents, ProviderEventReport, ProviderEventRetention } from '@hub/messaging';
import { Account, Hub, startHub } from './harness';

/**
 * The shared applier of provider events (ESP webhooks, WhatsApp statuses),
 * against the real database: matching, forward-only status with history,
 * dedupe, unmatched events still emitted, suppression and unsubscribe.
 */
describe('provider events: what providers report about our messages', () => {
  let hub: Hub;
  let a: Account;
  let channelId: string;
  let events: MessageProviderEvents;
  let dataSource: DataSource;

  const seedMessage = async (to: string, providerId: string | null, status = 'sent') => {
    const id = randomUUID();
    await hub.sql(
      `INSERT INTO messages (id, account_id, channel_id, channel, "to", body, status, status_history, message_id_header, provider_message_id, source)
       VALUES ($1, $2, $3, 'email', $4, 'hi', $5, $6::jsonb, $7, $8, 'api')`,
      [id, a.accountId, channelId, to, status, JSON.stringify([{ status, at: new Date().toISOString(), detail: null }]), `<${id}@shop.example.com>`, providerId],
    );
    return id;
  };
  const report = (overrides: Partial<ProviderEventReport>): ProviderEventReport => ({
    accountId: a.accountId,
    channelId,
    channel: 'email',
    provider: 'sendgrid',
    providerEventId: randomUUID(),
    kind: 'delivered',
    providerMessageId: null,
    messageIdHeader: null,
    recipient: 'ann@example.com',
    occurredAt: new Date(),
    ...overrides,
  });
  const apply = (reports: ProviderEventReport[]) => dataSource.transaction((tx) => events.apply(tx, reports));
  const message = async (id: string) => (await hub.sql<{ status: string; status_history: { status: string; detail: string | null }[] }>('SELECT status, status_history FROM messages WHERE id = $1', [id]))[0];
  const emitted = (type: string) => hub.sql<{ data: Record<string, unknown> }>(`SELECT data FROM events WHERE account_id = $1 AND type = $2 ORDER BY created_at`, [a.accountId, type]);

  beforeAll(async () => {
    hub = await startHub();
    a = await hub.signup();
    const channel = await hub.request('POST', '/api/channels', { token: a.token, body: { type: 'email', name: 'Mail', from_address: 'hello@shop.example.com', provider: 'sendgrid' } });
    expect(channel.status).toBe(201);
    channelId = channel.body.id;
    events = hub.app.get(MessageProviderEvents);
    dataSource = hub.app.get(DataSource);
  });
  afterAll(() => hub?.close());

  it('moves a message forward only, keeps each step in its history, and emits every event', async () => {
    const id = await seedMessage('ann@example.com', 'SG-1');
    const at = (s: number) => new Date(Date.UTC(2026, 11, 3, 12, 0, s));
    // Out of order, as providers deliver them: the click arrives before the open.
    await apply([report({ kind: 'clicked', providerMessageId: 'SG-1', url: 'https://shop.example.com/a', occurredAt: at(3) })]);
    await apply([report({ kind: 'delivered', providerMessageId: 'SG-1', occurredAt: at(1) }), report({ kind: 'opened', providerMessageId: 'SG-1', occurredAt: at(2) })]);
    const row = await message(id);
    expect(row.status).toBe('clicked');
    expect(row.status_history.map((step) => step.status)).toEqual(['sent', 'clicked']);
    const clicked = await emitted('message.clicked');
    expect(clicked.at(-1)!.data).toMatchObject({ message_id: id, status: 'clicked', url: 'https://shop.example.com/a', provider: 'sendgrid', to: 'ann@example.com' });
    // The later delivered and opened are still told to subscribers, with the status the message has.
    expect((await emitted('message.opened')).at(-1)!.data).toMatchObject({ message_id: id, status: 'clicked' });
    expect((await emitted('message.delivered')).at(-1)!.data).toMatchObject({ message_id: id, status: 'clicked' });
  });

  it('matches by our Message-ID header as well as by the provider id, and records history in rank order', async () => {
    const id = await seedMessage('bob@example.com', null);
    const header = `<${id}@shop.example.com>`;
    await apply([report({ kind: 'opened', messageIdHeader: header, recipient: 'bob@example.com' }), report({ kind: 'delivered', messageIdHeader: header, recipient: 'bob@example.com' })]);
    const row = await message(id);
    expect(row.status).toBe('opened');
    expect(row.status_history.map((step) => step.status)).toEqual(['sent', 'delivered', 'opened']);
  });

  it('applies a provider event once, however often it is reported', async () => {
    const id = await seedMessage('carol@example.com', 'SG-3');
    const once = report({ kind: 'delivered', providerMessageId: 'SG-3', providerEventId: 'sg-event-3', recipient: 'carol@example.com' });
    await apply([once, once]);
    await apply([once]);
    expect((await emitted('message.delivered')).filter((event) => event.data.message_id === id)).toHaveLength(1);
    const [{ count }] = await hub.sql<{ count: string }>('SELECT count(*) FROM message_provider_events WHERE provider_event_id = $1', ['sg-event-3']);
    expect(count).toBe('1');
  });

  it('emits events about messages it does not know, with the recipient and the provider id', async () => {
    await apply([report({ kind: 'delivered', providerMessageId: 'NOT-OURS', recipient: 'Dana@Example.com' })]);
    const event = (await emitted('message.delivered')).find((e) => e.data.provider_message_id === 'NOT-OURS');
    expect(event!.data).toMatchObject({ message_id: null, status: null, to: 'dana@example.com', channel: 'email', channel_id: channelId, provider: 'sendgrid' });
    const [stored] = await hub.sql<{ message_id: string | null; applied_at: Date | null }>('SELECT message_id, applied_at FROM message_provider_events WHERE provider_message_id = $1', ['NOT-OURS']);
    expect(stored.message_id).toBeNull();
    expect(stored.applied_at).not.toBeNull();
  });

  it('marks the address undeliverable on a hard bounce or a complaint (not on a soft bounce) and skips later sends', async () => {
    const contacts = {
      hard: await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'hard@example.com' } }),
      soft: await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'soft@example.com' } }),
      spam: await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'spam@example.com' } }),
    };
    const hard = await seedMessage('hard@example.com', 'SG-H');
    await apply([
      report({ kind: 'bounced', bounce: 'hard', reason: '550 5.1.1 no such user', providerMessageId: 'SG-H', recipient: 'hard@example.com' }),
      report({ kind: 'bounced', bounce: 'soft', reason: 'mailbox full', recipient: 'soft@example.com' }),
      report({ kind: 'complained', recipient: 'spam@example.com' }),
    ]);
    const flag = async (id: string) => (await hub.sql<{ email_undeliverable: boolean }>('SELECT email_undeliverable FROM contacts WHERE id = $1', [id]))[0].email_undeliverable;
    expect(await flag(contacts.hard.body.id)).toBe(true);
    expect(await flag(contacts.soft.body.id)).toBe(false);
    expect(await flag(contacts.spam.body.id)).toBe(true);
    expect((await message(hard)).status).toBe('bounced');
    const bounced = (await emitted('message.bounced')).find((e) => e.data.message_id === hard);
    expect(bounced!.data).toMatchObject({ bounce_type: 'hard', reason: '550 5.1.1 no such user', status: 'bounced' });
    const updated = (await emitted('contact.updated')).find((e) => e.data.id === contacts.hard.body.id);
    expect(updated!.data.changed).toEqual(['email_undeliverable']);

    const send = await hub.request('POST', '/api/email/send', { token: a.token, body: { channel_id: channelId, to: 'hard@example.com', subject: 'Hi', body: 'Hello' } });
    expect(send.status).toBe(202);
    const [later] = await hub.sql<{ status: string; error: string }>('SELECT status, error FROM messages WHERE id = $1', [send.body.message_id]);
    expect(later).toMatchObject({ status: 'failed', error: expect.stringContaining('undeliverable') });
  });

  it('unsubscribes a contact who unsubscribed at the provider from every group', async () => {
    const contact = await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'erin@example.com' } });
    const group = await hub.request('POST', '/api/groups', { token: a.token, body: { name: 'Newsletter' } });
    expect((await hub.request('POST', `/api/groups/${group.body.id}/members`, { token: a.token, body: { email: 'erin@example.com' } })).status).toBeLessThan(300);
    await apply([report({ kind: 'unsubscribed', recipient: 'erin@example.com' })]);
    const [row] = await hub.sql<{ unsubscribed_at: Date | null }>('SELECT unsubscribed_at FROM contacts WHERE id = $1', [contact.body.id]);
    expect(row.unsubscribed_at).not.toBeNull();
    const left = (await emitted('group.unsubscribed')).find((e) => e.data.contact_id === contact.body.id);
    expect(left!.data).toMatchObject({ group_id: group.body.id, via: 'provider' });
    expect((await emitted('message.unsubscribed')).some((e) => e.data.to === 'erin@example.com')).toBe(true);
  });

  it('purges applied events past LOG_RETENTION_DAYS, never pending ones', async () => {
    await apply([report({ kind: 'delivered', providerEventId: 'old-applied', recipient: 'old@example.com' })]);
    await dataSource.transaction((tx) => events.record(tx, [report({ kind: 'delivered', providerEventId: 'old-pending', recipient: 'old@example.com' })]));
    await hub.sql("UPDATE message_provider_events SET created_at = now() - interval '31 days' WHERE provider_event_id IN ('old-applied', 'old-pending')");
    expect(await hub.app.get(ProviderEventRetention).purgeOlderThan(30)).toBe(1);
    const left = await hub.sql<{ provider_event_id: string }>("SELECT provider_event_id FROM message_provider_events WHERE provider_event_id IN ('old-applied', 'old-pending')");
    expect(left.map((row) => row.provider_event_id)).toEqual(['old-pending']);
  });

  it('does not emit anything for a deferral, but keeps it', async () => {
    const id = await seedMessage('fay@example.com', 'SG-D');
    await apply([report({ kind: 'deferred', providerMessageId: 'SG-D', reason: '421 try later', recipient: 'fay@example.com' })]);
    expect((await message(id)).status).toBe('sent');
    const [stored] = await hub.sql<{ message_id: string; reason: string }>('SELECT message_id, reason FROM message_provider_events WHERE provider_message_id = $1', ['SG-D']);
    expect(stored).toEqual({ message_id: id, reason: '421 try later' });
  });
});
