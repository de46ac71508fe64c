import { Webhook } from 'standardwebhooks';
import { WhatsappNodeSimulator } from '../apps/whatsapp-simulator/src/node-simulator';
import { Account, Hub, startHub } from './harness';
import { seedEndpoint } from './support/endpoint-fixture';
import { eventually, Receiver } from './support/receiver';
import { ShortMessageRetriesModule } from './support/short-message-retries.module';

const SECRET = 'node-secret-for-flow-tests-0123456';
const CONTACT = '+34612345678';

interface Delivered {
  id: string;
  type: string;
  channel_id: string | null;
  data: Record<string, unknown>;
}

/**
 * The whole WhatsApp flow over real HTTP, the simulator playing the node
 * service: QR → connected → the hub sends through the node's API → the node
 * acknowledges 1 → 2 → 3 → a contact writes back. Every event reaches a
 * subscribed endpoint, verified with the standardwebhooks library.
 */
describe('WhatsApp end to end: the simulator drives a channel from QR to messages in and out', () => {
  let hub: Hub;
  let simulator: WhatsappNodeSimulator;
  let receiver: Receiver;
  let a: Account;
  let secret: string;
  let channelId: string;
  let sessionId: string;

  // At-least-once: a delivery retried after a slow answer arrives twice with the same webhook-id; a receiver dedupes on it.
  const delivered = (): Delivered[] => {
    const byId = new Map<string, Delivered>();
    for (const r of receiver.received) byId.set(r.headers['webhook-id'] as string, new Webhook(secret).verify(r.body, r.headers) as Delivered);
    // Order is not guaranteed either: event ids (evt_<ULID>) are time-ordered, as a receiver would order them.
    return [...byId.values()].sort((x, y) => x.id.localeCompare(y.id));
  };
  const deliveredOf = (type: string) => delivered().filter((event) => event.type === type);
  const message = async (id: string) => (await hub.request('GET', `/api/messages/${id}`, { token: a.token })).body;
  const eventRows = (status: string) => hub.sql<{ n: number }>('SELECT count(*)::int AS n FROM whatsapp_events WHERE status = $1', [status]);

  beforeAll(async () => {
    simulator = await new WhatsappNodeSimulator({ hubUrl: 'http://127.0.0.1:1', secret: SECRET, ackDelayMs: 150 }).start();
    receiver = await new Receiver().start();
    hub = await startHub({ env: { WHATSAPP_NODE_SECRET: SECRET, WHATSAPP_NODE_URL: simulator.url }, modules: [ShortMessageRetriesModule] });
    simulator.useHub(hub.url);
    a = await hub.signup();
    secret = (await seedEndpoint(hub, a.accountId, { url: receiver.url(), event_types: [] })).secret;
    const channel = await hub.request('POST', '/api/channels', { token: a.token, body: { type: 'whatsapp', name: 'Support' } });
    channelId = channel.body.id;
    sessionId = channel.body.session_id;
  });
  afterAll(async () => {
    await simulator.stop();
    await hub.close();
    await receiver.stop();
  });

  it('shows the QR, then the connected phone, on the channel and to subscribers', async () => {
    expect((await simulator.reportQr(sessionId, '2@scan-me,please')).status).toBe(200);
    expect((await hub.request('GET', `/api/channels/${channelId}`, { token: a.token })).body).toMatchObject({ session_status: 'qr', qr: '2@scan-me,please' });
    expect((await simulator.reportConnected(sessionId, '+15555550100')).status).toBe(200);
    expect((await hub.request('GET', `/api/channels/${channelId}`, { token: a.token })).body).toMatchObject({ session_status: 'connected', phone: '+15555550100', qr: null });
    await eventually(async () => deliveredOf('whatsapp.session.updated').length === 2);
    expect(deliveredOf('whatsapp.session.updated').map((e) => [e.channel_id, e.data.status, e.data.qr ?? null])).toEqual([
      [channelId, 'qr', '2@scan-me,please'],
      [channelId, 'connected', null],
    ]);
  });

  it('sends through the node, which acknowledges 1 → 2 → 3: the message goes sent → delivered → opened, with an event each', async () => {
    const sent = await hub.request('POST', '/api/whatsapp/send', { token: a.token, body: { channel_id: channelId, to: CONTACT, body: 'Your order A-1042 has shipped' } });
    expect(sent.status).toBe(202);
    const messageId = sent.body.message_id as string;
    await eventually(async () => simulator.sent.length === 1);
    expect(simulator.sent[0]).toMatchObject({ sessionId, to: CONTACT, text: 'Your order A-1042 has shipped' });
    await eventually(async () => (await message(messageId)).status === 'opened', 15_000);
    const final = await message(messageId);
    expect(final).toMatchObject({ direction: 'outbound', provider_message_id: simulator.sent[0].id });
    expect(final.status_history.map((change: { status: string }) => change.status)).toEqual(['queued', 'sent', 'delivered', 'opened']);
    await eventually(async () => deliveredOf('message.opened').length === 1);
    expect(deliveredOf('message.delivered').map((e) => e.data)).toEqual([expect.objectContaining({ message_id: messageId, channel: 'whatsapp', status: 'delivered', provider_message_id: simulator.sent[0].id })]);
    expect(deliveredOf('message.opened').map((e) => e.data.message_id)).toEqual([messageId]);
    // Sent once: when the node answered the send (its status 1 confirms what the hub recorded then).
    await simulator.acknowledged();
    await eventually(async () => (await eventRows('pending'))[0].n === 0);
    expect(await hub.sql("SELECT count(*)::int AS n FROM events WHERE type = 'message.sent' AND data->>'message_id' = $1", [messageId])).toEqual([{ n: 1 }]);
  });

  it('never moves a status backwards: a late "delivered" after "read" leaves the message opened', async () => {
    const sent = await hub.request('POST', '/api/whatsapp/send', { token: a.token, body: { channel_id: channelId, to: CONTACT, body: 'Second' } });
    await eventually(async () => (await message(sent.body.message_id)).status === 'opened', 15_000);
    const providerId = simulator.sent[1].id;
    await simulator.acknowledged();
    expect((await simulator.event('messages.update', sessionId, { keyId: providerId, fromMe: true, status: 2 })).body).toMatchObject({ duplicates: 1 });
    expect((await simulator.event('messages.update', sessionId, { key: { id: providerId, fromMe: true }, update: { status: 1 } })).body).toMatchObject({ duplicates: 1 });
    await eventually(async () => (await eventRows('pending'))[0].n === 0);
    const final = await message(sent.body.message_id);
    expect(final.status).toBe('opened');
    expect(final.status_history.map((change: { status: string }) => change.status)).toEqual(['queued', 'sent', 'delivered', 'opened']);
  });

  it('turns an inbound message into a contact, a stored inbound message and message.received, once however often the node repeats it', async () => {
    const { id, answer } = await simulator.receive(sessionId, CONTACT, 'Thanks! Can I change the address?', 'María');
    expect(answer).toEqual({ status: 200, body: { received: 1, duplicates: 0, ignored: 0 } });
    expect((await simulator.receive(sessionId, CONTACT, 'Thanks! Can I change the address?', 'María', id)).answer.body).toMatchObject({ received: 0, duplicates: 1 });
    await eventually(async () => deliveredOf('message.received').length === 1);
    const [received] = deliveredOf('message.received');
    expect(received.data).toMatchObject({ channel: 'whatsapp', channel_id: channelId, from: CONTACT, text: 'Thanks! Can I change the address?', provider_message_id: id });
    const contacts = (await hub.request('GET', `/api/contacts?search=${encodeURIComponent(CONTACT)}`, { token: a.token })).body;
    const contact = (contacts.items ?? contacts).find((c: { phone: string }) => c.phone === CONTACT);
    expect(contact).toMatchObject({ id: received.data.contact_id, custom_fields: { whatsapp_name: 'María' } });
    const conversation = (await hub.request('GET', `/api/messages?contact_id=${contact.id}`, { token: a.token })).body.items;
    expect(conversation.map((m: { direction: string; status: string }) => [m.direction, m.status])).toEqual([
      ['inbound', 'delivered'],
      ['outbound', 'opened'],
      ['outbound', 'opened'],
    ]);
    expect(conversation[0]).toMatchObject({ id: received.data.message_id, from: CONTACT, to: '+15555550100', source: 'node' });
    // Repeated after it was applied: still one message and one event.
    await simulator.receive(sessionId, CONTACT, 'Thanks! Can I change the address?', 'María', id);
    await eventually(async () => (await eventRows('pending'))[0].n === 0);
    expect(await hub.sql('SELECT count(*)::int AS n FROM messages WHERE provider_message_id = $1', [id])).toEqual([{ n: 1 }]);
    expect(deliveredOf('message.received')).toHaveLength(1);
  });

  it('records a message sent from the phone as outbound, and a deletion, a call and a dropped connection as their events', async () => {
    const phoneId = '3EB0FROMPHONE00000001';
    await simulator.event('messages.upsert', sessionId, { key: { remoteJid: '34612345678@s.whatsapp.net', fromMe: true, id: phoneId }, message: { extendedTextMessage: { text: 'Sure, send it over' } } });
    await eventually(async () => deliveredOf('message.sent').some((e) => e.data.provider_message_id === phoneId));
    const [fromPhone] = await hub.sql('SELECT direction, status, source, "to", body FROM messages WHERE provider_message_id = $1', [phoneId]);
    expect(fromPhone).toEqual({ direction: 'outbound', status: 'sent', source: 'node', to: CONTACT, body: 'Sure, send it over' });

    await simulator.event('messages.delete', sessionId, { id: phoneId, fromMe: true, remoteJid: '34612345678@s.whatsapp.net' });
    await simulator.event('call', sessionId, { id: 'CALL-1', from: '34612345678@s.whatsapp.net', status: 'offer' });
    await simulator.event('connection.update', sessionId, { state: 'close' });
    await eventually(async () => deliveredOf('whatsapp.call').length === 1 && deliveredOf('message.deleted').length === 1 && deliveredOf('whatsapp.session.updated').length === 3);
    expect(deliveredOf('message.deleted')[0].data).toMatchObject({ provider_message_id: phoneId, channel: 'whatsapp' });
    expect(deliveredOf('whatsapp.call')[0].data).toEqual({ channel_id: channelId, session_id: sessionId, call_id: 'CALL-1', from: CONTACT, status: 'offer' });
    expect(deliveredOf('whatsapp.session.updated')[2].data).toMatchObject({ status: 'disconnected', phone: '+15555550100' });
    expect((await simulator.sessionStatus(sessionId)).body).toMatchObject({ status: 'disconnected' });
    expect(await eventRows('failed')).toEqual([{ n: 0 }]);
  });

  it('applies the events of one request together, and one that cannot be applied yet holds back none of the others', async () => {
    // Three messages in one request (two senders, one new): one job, one transaction.
    const batch = ['3EB0BATCH0000000001', '3EB0BATCH0000000002', '3EB0BATCH0000000003'];
    const senders = ['34612345678', '34699000111', '34612345678'];
    const answer = await simulator.event('messages.upsert', sessionId, {
      messages: batch.map((id, n) => ({ key: { remoteJid: `${senders[n]}@s.whatsapp.net`, fromMe: false, id }, message: { conversation: `Batch ${n}` }, pushName: 'Batch' })),
    });
    expect(answer.body).toMatchObject({ received: 3 });
    await eventually(async () => deliveredOf('message.received').filter((e) => batch.includes(e.data.provider_message_id as string)).length === 3);
    const rows = await hub.sql<{ provider_message_id: string; from: string }>('SELECT provider_message_id, "from" FROM messages WHERE provider_message_id = ANY($1) ORDER BY provider_message_id', [batch]);
    expect(rows.map((row) => row.from)).toEqual(['+34612345678', '+34699000111', '+34612345678']);

    // A receipt for a message the hub has not recorded yet fails its try; the receipt beside it is applied all the same.
    const known = '3EB0BATCHFROMPHONE01';
    await simulator.event('messages.upsert', sessionId, { key: { remoteJid: '34612345678@s.whatsapp.net', fromMe: true, id: known }, message: { conversation: 'On its way' } });
    await eventually(async () => deliveredOf('message.sent').some((e) => e.data.provider_message_id === known));
    await simulator.event('messages.update', sessionId, [
      { keyId: known, fromMe: true, status: 2 },
      { keyId: '3EB0NOTRECORDEDYET01', fromMe: true, status: 2 },
    ]);
    await eventually(async () => deliveredOf('message.delivered').some((e) => e.data.provider_message_id === known));
    // Its failure is recorded after the other receipt was applied (in the same job, one after the other).
    const waiting = () => hub.sql<{ status: string; last_error: string | null }>("SELECT status, last_error FROM whatsapp_events WHERE dedupe_key = 'status:3EB0NOTRECORDEDYET01:2'");
    await eventually(async () => (await waiting())[0].last_error !== null);
    expect((await waiting())[0]).toEqual({ status: 'pending', last_error: 'No message of the channel has WhatsApp id 3EB0NOTRECORDEDYET01 yet' });
  });
});
