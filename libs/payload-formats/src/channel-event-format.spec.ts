import { renderPayload } from './payload-formats';
import type { FormatEvent } from './payload-format';

const at = new Date('2026-11-22T14:10:33.000Z');
const wa = (type: string, data: Record<string, unknown>): FormatEvent => ({ id: 'evt_1', type, created_at: at, account_id: 'acc', channel: 'whatsapp', channel_id: 'ch-wa', data });

describe('channel_event format', () => {
  it.each([
    [
      'message.received',
      { from: '+5511999999999', text: 'Hi', provider_message_id: '3EB0A1', received_at: '2021-10-18T14:38:10.000Z', push_name: 'Customer' },
      { event: 'messages.upsert', channel: 'whatsapp', channelId: 'ch-wa', data: { key: { remoteJid: '5511999999999@s.whatsapp.net', fromMe: false, id: '3EB0A1' }, message: { conversation: 'Hi' }, messageTimestamp: '1634567890', pushName: 'Customer' } },
    ],
    ['message.delivered', { provider_message_id: '3EB0B2', to: '+34612345678' }, { event: 'messages.update', channel: 'whatsapp', channelId: 'ch-wa', data: { keyId: '3EB0B2', fromMe: true, status: 2 } }],
    ['message.opened', { provider_message_id: '3EB0B2' }, { event: 'messages.update', data: { keyId: '3EB0B2', fromMe: true, status: 3 } }],
    ['message.deleted', { provider_message_id: '3EB0C3', to: '+34612345678' }, { event: 'messages.delete', data: { id: '3EB0C3', fromMe: true, remoteJid: '34612345678@s.whatsapp.net' } }],
    ['whatsapp.session.updated', { status: 'connected', phone: '+5511987654321' }, { event: 'connection.update', data: { state: 'open' } }],
    ['whatsapp.session.updated', { status: 'disconnected' }, { event: 'connection.update', data: { state: 'close' } }],
    ['whatsapp.call', { call_id: 'CALL1', from: '+5511912345678', status: 'offer' }, { event: 'call', data: { id: 'CALL1', from: '5511912345678@s.whatsapp.net', status: 'offer' } }],
  ])('%s', (type, data, expected) => {
    const rendered = renderPayload('channel_event', wa(type, data));
    expect(rendered.format).toBe('channel_event');
    expect(JSON.parse(rendered.body)).toMatchObject(expected);
  });

  it('makes inbound email and SMS a messaging event', () => {
    const email = renderPayload('channel_event', {
      ...wa('message.received', { from: 'ann@example.com', from_name: 'Ann', to: 'support@shop.example.com', subject: 'Order', text: 'Where is it?', provider_message_id: '<m1@example.com>', received_at: at.toISOString() }),
      channel: 'email',
      channel_id: 'ch-mail',
    });
    expect(JSON.parse(email.body)).toEqual({
      event: 'messaging',
      channel: 'email',
      channelId: 'ch-mail',
      data: { email: { direction: 'inbound', mailbox: 'support@shop.example.com', from: { email: 'ann@example.com', name: 'Ann' }, to: ['support@shop.example.com'], subject: 'Order', text: 'Where is it?', html: null, messageId: '<m1@example.com>', receivedAt: at.toISOString() } },
    });
    const sms = renderPayload('channel_event', { ...wa('message.received', { from: '+14155550123', text: 'STOP' }), channel: 'sms', channel_id: 'ch-sms' });
    expect(JSON.parse(sms.body)).toEqual({ event: 'messaging', channel: 'sms', channelId: 'ch-sms', data: { sms: { direction: 'inbound', from: '+14155550123', body: 'STOP', providerPayload: {} } } });
  });

  it('falls back to standard for events without a channel or a gateway name', () => {
    expect(renderPayload('channel_event', { ...wa('contact.created', { id: 'c' }), channel: null, channel_id: null }).format).toBe('standard');
    expect(renderPayload('channel_event', { ...wa('message.bounced', {}), channel: 'email' }).format).toBe('standard');
  });
});
