import { UnprocessableEntityException } from '@nestjs/common';
import { phoneOfJid, readNodeEvent } from './node-event-reader';

const message = (overrides: Record<string, unknown> = {}) => ({
  key: { remoteJid: '5511999999999@s.whatsapp.net', fromMe: false, id: '3EB0C767D82B0A1B2C3D' },
  message: { conversation: 'Hi' },
  messageTimestamp: '1634567890',
  pushName: 'Customer',
  ...overrides,
});

function fieldOf(read: () => unknown): string | undefined {
  try {
    read();
  } catch (error) {
    if (error instanceof UnprocessableEntityException) return (error.getResponse() as { details: { field: string }[] }).details[0].field;
    throw error;
  }
  return undefined;
}

describe('readNodeEvent', () => {
  it('reads PROVIDERS.md\'s messages.upsert: the sender\'s E.164 phone, the text, the time', () => {
    expect(readNodeEvent('messages.upsert', message())).toEqual({
      events: [
        {
          kind: 'message',
          dedupe_key: 'message:3EB0C767D82B0A1B2C3D',
          data: { id: '3EB0C767D82B0A1B2C3D', from_me: false, phone: '+5511999999999', push_name: 'Customer', text: 'Hi', media_type: null, at: '2021-10-18T14:38:10.000Z' },
        },
      ],
      ignored: 0,
    });
  });

  it.each([
    [{ extendedTextMessage: { text: 'A link https://example.com' } }, 'A link https://example.com', null],
    [{ imageMessage: { caption: 'The invoice', mimetype: 'image/jpeg' } }, 'The invoice', 'image'],
    [{ documentMessage: { fileName: 'a.pdf' } }, '', 'document'],
    [{ audioMessage: { seconds: 4 } }, '', 'audio'],
  ])('finds the text in %j', (content, text, media) => {
    const [event] = readNodeEvent('messages.upsert', message({ message: content })).events;
    expect(event.data).toMatchObject({ text, media_type: media });
  });

  it('reads a protobuf Long timestamp, and a send.message as sent from the phone', () => {
    const [event] = readNodeEvent('send.message', message({ messageTimestamp: { low: 1634567890, high: 0, unsigned: true } })).events;
    expect(event.data).toMatchObject({ from_me: true, push_name: null, at: '2021-10-18T14:38:10.000Z' });
  });

  it('ignores group chats and messages with neither text nor media, and reads a batch item by item', () => {
    const read = readNodeEvent('messages.upsert', {
      messages: [message(), message({ key: { remoteJid: '120363025246125486@g.us', id: 'G1' } }), message({ key: { remoteJid: '5511999999999@s.whatsapp.net', id: 'R1' }, message: { reactionMessage: { text: '👍' } } })],
    });
    expect(read.events.map((e) => e.dedupe_key)).toEqual(['message:3EB0C767D82B0A1B2C3D']);
    expect(read.ignored).toBe(2);
  });

  it('keys a status by message and status, in both shapes, and refuses a status outside 1–3', () => {
    expect(readNodeEvent('messages.update', { keyId: 'A', fromMe: true, status: 3 }).events[0]).toMatchObject({ kind: 'status', dedupe_key: 'status:A:3', data: { id: 'A', from_me: true, status: 3 } });
    expect(readNodeEvent('messages.update', [{ key: { id: 'A', fromMe: true }, update: { status: 2 } }]).events[0].dedupe_key).toBe('status:A:2');
    expect(fieldOf(() => readNodeEvent('messages.update', { keyId: 'A', status: 4 }))).toBe('data.status');
    expect(fieldOf(() => readNodeEvent('messages.update', [{ key: { id: 'A' }, update: { status: 0 } }]))).toBe('data[0].update.status');
  });

  it('maps deletions, calls and connection changes', () => {
    expect(readNodeEvent('messages.delete', { id: 'A', fromMe: true, remoteJid: '5511999999999@s.whatsapp.net' }).events[0]).toMatchObject({ kind: 'delete', dedupe_key: 'delete:A', data: { phone: '+5511999999999' } });
    expect(readNodeEvent('call', { id: 'C', from: '5511999999999@s.whatsapp.net', status: 'offer' }).events[0]).toEqual({ kind: 'call', dedupe_key: 'call:C:offer', data: { id: 'C', from: '+5511999999999', status: 'offer' } });
    expect(readNodeEvent('connection.update', { connection: 'open', phone: '5511999999999' }).events[0]).toEqual({ kind: 'connection', dedupe_key: null, data: { state: 'open', phone: '+5511999999999', qr: null } });
  });

  it.each([
    ['messages.upsert', { message: { conversation: 'x' } }, 'data.key'],
    ['messages.upsert', message({ key: { remoteJid: '5511999999999@s.whatsapp.net' } }), 'data.key.id'],
    ['messages.upsert', message({ key: { id: 'x', remoteJid: 'someone@lid' } }), 'data.key.remoteJid'],
    ['messages.upsert', message({ key: { id: 'x', remoteJid: '5511999999999@s.whatsapp.net', fromMe: 'yes' } }), 'data.key.fromMe'],
    ['messages.upsert', message({ messageTimestamp: -5 }), 'data.messageTimestamp'],
    ['messages.upsert', message({ message: { conversation: '' } }), 'data.message.conversation'],
    ['messages.upsert', [], 'data'],
    ['messages.upsert', 'hello', 'data'],
    ['call', { id: 'C', from: 'nobody', status: 'offer' }, 'data.from'],
    ['connection.update', { state: 'up' }, 'data.state'],
  ] as const)('%s with %j: 422 naming %s', (event, data, field) => {
    expect(fieldOf(() => readNodeEvent(event, data))).toBe(field);
  });

  it('refuses a batch past 1,000 items', () => {
    expect(fieldOf(() => readNodeEvent('messages.update', Array.from({ length: 1001 }, (_, i) => ({ keyId: String(i), status: 2 }))))).toBe('data');
  });
});

describe('phoneOfJid', () => {
  it('reads a linked device\'s JID and a c.us JID; groups and broadcasts are nobody\'s phone', () => {
    expect(phoneOfJid('34612345678:12@s.whatsapp.net', 'f')).toBe('+34612345678');
    expect(phoneOfJid('34612345678@c.us', 'f')).toBe('+34612345678');
    expect(phoneOfJid('120363025246125486@g.us', 'f')).toBeNull();
    expect(phoneOfJid('status@broadcast', 'f')).toBeNull();
  });
});
