import { EventTypeDefinition } from './event-type-definition';
import { dataSchema, id, nullable, oneOf, text } from './json-schema';

export const WHATSAPP_SESSION_STATUSES = ['connected', 'disconnected', 'qr'] as const;

const channelId = id('WhatsApp channel the session belongs to.');
const sessionId = id('Session id the WhatsApp node service reports on.');

export const WHATSAPP_EVENTS: readonly EventTypeDefinition[] = [
  {
    type: 'whatsapp.session.updated',
    description: 'A WhatsApp session connected, disconnected or is waiting for its QR code to be scanned.',
    channels: ['whatsapp'],
    schema: dataSchema(
      'whatsapp.session.updated',
      {
        channel_id: channelId,
        session_id: sessionId,
        status: oneOf(WHATSAPP_SESSION_STATUSES, 'New status of the session.'),
        phone: nullable(text('Phone number of the connected WhatsApp account, once known.')),
        qr: nullable(text('QR code to scan; present while the status is `qr`.')),
      },
      ['qr'],
    ),
    example: {
      channel_id: 'a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d',
      session_id: 'wa_5f2b8c1e9d3a4b7c',
      status: 'connected',
      phone: '+5511987654321',
    },
  },
  {
    type: 'whatsapp.call',
    description: 'A WhatsApp call to the session rang, was answered, rejected or ended.',
    channels: ['whatsapp'],
    schema: dataSchema('whatsapp.call', {
      channel_id: channelId,
      session_id: sessionId,
      call_id: id('Call id given by WhatsApp.'),
      from: { type: 'string', minLength: 1, description: 'Caller phone number.' },
      status: {
        type: 'string',
        minLength: 1,
        description: 'Call status as reported by WhatsApp: offer, ringing, accept, reject, timeout or terminate.',
      },
    }),
    example: {
      channel_id: 'a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d',
      session_id: 'wa_5f2b8c1e9d3a4b7c',
      call_id: '8A1F3C5E7B9D2F4A6C8E0B1D3F5A7C9E',
      from: '+5511912345678',
      status: 'offer',
    },
  },
];
