import { renderPayload } from './payload-formats';
import type { ConversationTurn, FormatEvent } from './payload-format';

const received: FormatEvent = {
  id: 'evt_1',
  type: 'message.received',
  created_at: new Date('2026-11-22T14:10:33.000Z'),
  account_id: 'acc-1',
  channel: 'whatsapp',
  channel_id: 'ch-wa',
  data: { from: '+34612345678', text: '¿Tenéis cita el jueves?', push_name: 'María', received_at: '2026-11-22T14:10:33.000Z' },
};
const turn = (direction: 'inbound' | 'outbound', text: string, minute: number): ConversationTurn => ({ direction, text, at: new Date(Date.UTC(2026, 10, 22, 14, minute)), contentType: 'text', mediaUrl: null });

describe('conversation format', () => {
  it('summarises the stored conversation, newest last, at most ten turns', () => {
    const history = [...Array.from({ length: 11 }, (_, i) => turn(i % 2 ? 'outbound' : 'inbound', `t${i}`, i)), turn('inbound', '¿Tenéis cita el jueves?', 12)];
    const body = JSON.parse(renderPayload('conversation', received, { conversation: history }).body);
    expect(body.last_messages).toHaveLength(10);
    expect(body.last_messages.at(-1)).toEqual({ type: 'user', content: '¿Tenéis cita el jueves?', timestamp: '2026-11-22T14:12:00.000Z', content_type: 'text' });
    expect(body).toMatchObject({
      phone_number: '34612345678',
      recipient_name: 'María',
      user_id: 'acc-1',
      last_message_of_user: '¿Tenéis cita el jueves?',
      last_message_of_bot: 't9',
      message_type: 'text',
      user_last_message_time: '2026-11-22T14:12:00.000Z',
      bot_last_message_time: '2026-11-22T14:09:00.000Z',
      attachment_url: null,
      note: null,
      note_automation: null,
      labels: [],
    });
    expect(body.conversation_paragraph.split('\n').at(-1)).toBe('User: ¿Tenéis cita el jueves?');
  });

  it('counts the message being delivered once when the stored conversation already holds it', () => {
    const event = { ...received, data: { ...received.data, provider_message_id: 'WA-9' } };
    const stored = [turn('outbound', '¡Hola!', 5), { ...turn('inbound', '¿Tenéis cita el jueves?', 10), id: 'WA-9' }];
    const body = JSON.parse(renderPayload('conversation', event, { conversation: stored }).body);
    expect(body.last_messages.map((m: { type: string; content: string }) => `${m.type}:${m.content}`)).toEqual(['bot:¡Hola!', 'user:¿Tenéis cita el jueves?']);
  });

  it('expresses only WhatsApp message.received', () => {
    expect(renderPayload('conversation', { ...received, channel: 'email' }).format).toBe('standard');
    expect(renderPayload('conversation', { ...received, type: 'message.sent' }).format).toBe('standard');
  });
});
