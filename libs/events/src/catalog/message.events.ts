import { ChannelKind, EventTypeDefinition } from './event-type-definition';
import { CHANNEL_KINDS, JsonSchema, dataSchema, id, nullable, oneOf, text, timestamp } from './json-schema';

/** Statuses a message can have (SPEC §4, send API). */
export const MESSAGE_STATUSES = [
  'queued',
  'sent',
  'delivered',
  'opened',
  'clicked',
  'bounced',
  'complained',
  'failed',
] as const;

const ALL_CHANNELS: ChannelKind[] = [...CHANNEL_KINDS];

const messageProperties = {
  message_id: nullable(
    id('Message id (as returned by the send API).'),
    'Null when a provider reported on a message this hub did not send or no longer knows (the event still names the recipient).',
  ),
  channel: oneOf(CHANNEL_KINDS, 'Channel kind of the message.'),
  channel_id: id('Channel the message went through.'),
  contact_id: nullable(id('Contact id.'), 'Recipient contact, when the recipient is a known contact.'),
  to: { type: 'string', minLength: 1, description: 'Recipient: an email address or an E.164 phone number.' },
  provider_message_id: nullable(
    text('Id given by the provider (email Message-ID, ESP id, WhatsApp message id, SMS provider id).'),
  ),
  status: nullable(oneOf(MESSAGE_STATUSES, 'Status of the message after this event.'), 'Null when message_id is null.'),
  occurred_at: timestamp('When the provider reports the event happened.'),
  provider: text('Who reported it: `mailgun`, `ses`, `sendgrid`, `postmark`, `whatsapp_node`; absent for what the hub did itself (send, send failure).'),
  reason: nullable(text('What the provider said about it (bounce diagnostic, drop reason), when it said anything.')),
};

/** Fields only provider-reported events carry. */
const OPTIONAL = ['provider', 'reason'];

const emailMessage = {
  message_id: '9a7b5c3d-1e2f-4a6b-8c0d-2e4f6a8b0c1d',
  channel: 'email',
  channel_id: 'e1d2c3b4-a5f6-4789-8abc-def012345678',
  contact_id: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d',
  to: 'maria.gonzalez@example.com',
  provider_message_id: '<20261122123456.4f8a2b1c9d@mg.example.com>',
};

const whatsappMessage = {
  message_id: '4c2e0a8b-6d4f-4b2a-9e8c-7a5b3c1d9e0f',
  channel: 'whatsapp',
  channel_id: 'a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d',
  contact_id: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d',
  to: '+34612345678',
  provider_message_id: '3EB0C767D82B0A1B2C3D',
};

const smsMessage = {
  message_id: '1b3d5f7a-9c2e-4a6b-8d0f-3e5a7c9b1d2f',
  channel: 'sms',
  channel_id: 'f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f',
  contact_id: null,
  to: '+14155550123',
  provider_message_id: null,
};

interface MessageEventInput {
  type: string;
  description: string;
  extra?: Record<string, JsonSchema>;
  example: Record<string, unknown>;
}

function messageEvent({ type, description, extra = {}, example }: MessageEventInput): EventTypeDefinition {
  return {
    type,
    description,
    channels: ALL_CHANNELS,
    schema: dataSchema(type, { ...messageProperties, ...extra }, OPTIONAL),
    example,
  };
}

export const MESSAGE_EVENTS: readonly EventTypeDefinition[] = [
  messageEvent({
    type: 'message.sent',
    description: 'A message was handed to its channel transport (SMTP, WhatsApp node service or SMS provider).',
    example: { ...emailMessage, status: 'sent', occurred_at: '2026-11-22T12:35:01.000Z' },
  }),
  messageEvent({
    type: 'message.delivered',
    description: "The provider reports the message reached the recipient's server or device.",
    example: { ...whatsappMessage, status: 'delivered', occurred_at: '2026-11-22T12:35:04.000Z' },
  }),
  messageEvent({
    type: 'message.opened',
    description: 'The recipient opened the email or read the WhatsApp message.',
    example: { ...emailMessage, status: 'opened', occurred_at: '2026-11-22T13:02:47.000Z' },
  }),
  messageEvent({
    type: 'message.clicked',
    description: 'The recipient clicked a tracked link in the message.',
    extra: { url: { type: 'string', minLength: 1, description: 'The link that was clicked.' } },
    example: {
      ...emailMessage,
      status: 'clicked',
      occurred_at: '2026-11-22T13:03:12.000Z',
      url: 'https://shop.example.com/offers/winter?utm_source=newsletter',
    },
  }),
  messageEvent({
    type: 'message.bounced',
    description: 'The message bounced; a hard bounce also marks the contact email undeliverable.',
    extra: {
      bounce_type: oneOf(['hard', 'soft'], 'Hard: permanent failure; soft: temporary.'),
      reason: text('Reason given by the receiving server or provider.'),
    },
    example: {
      ...emailMessage,
      to: 'old.address@example.org',
      status: 'bounced',
      occurred_at: '2026-11-22T12:35:09.000Z',
      bounce_type: 'hard',
      reason: '550 5.1.1 The email account that you tried to reach does not exist',
    },
  }),
  messageEvent({
    type: 'message.complained',
    description: 'The recipient marked the email as spam; the contact email is marked undeliverable.',
    extra: { reason: nullable(text('Feedback type reported by the provider, when given.')) },
    example: { ...emailMessage, status: 'complained', occurred_at: '2026-11-22T15:20:00.000Z', reason: 'abuse' },
  }),
  messageEvent({
    type: 'message.unsubscribed',
    description: "The recipient unsubscribed through the provider's unsubscribe link or header for this message.",
    example: { ...emailMessage, status: 'opened', occurred_at: '2026-11-22T13:05:30.000Z' },
  }),
  messageEvent({
    type: 'message.failed',
    description: 'The message could not be sent or the provider dropped it.',
    extra: { error: text('What went wrong.') },
    example: {
      ...smsMessage,
      status: 'failed',
      occurred_at: '2026-11-22T12:35:02.000Z',
      error: 'SMS provider answered 400: invalid destination number',
    },
  }),
  messageEvent({
    type: 'message.deleted',
    description: 'The message was deleted (for example a WhatsApp message revoked for everyone).',
    example: { ...whatsappMessage, status: 'delivered', occurred_at: '2026-11-22T12:40:00.000Z' },
  }),
  {
    type: 'message.received',
    description: 'An inbound message arrived from a contact on a WhatsApp, email or SMS channel.',
    channels: ALL_CHANNELS,
    schema: dataSchema('message.received', {
      message_id: id('Id of the stored inbound message.'),
      channel: messageProperties.channel,
      channel_id: id('Channel the message arrived on.'),
      contact_id: id('Sender contact (created when unknown).'),
      from: { type: 'string', minLength: 1, description: 'Sender: an email address or an E.164 phone number.' },
      text: nullable(text('Text of the message; null for media without caption.')),
      provider_message_id: id('Id given by the provider; duplicates are ignored.'),
      received_at: timestamp('When the message was received.'),
    }),
    example: {
      message_id: '7e9f1a3b-5c7d-4e9f-8a1b-3c5d7e9f1a2b',
      channel: 'whatsapp',
      channel_id: whatsappMessage.channel_id,
      contact_id: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d',
      from: '+34612345678',
      text: 'Hola, ¿tenéis disponibilidad el jueves?',
      provider_message_id: '3EB0A1B2C3D4E5F60718',
      received_at: '2026-11-22T14:10:33.000Z',
    },
  },
];
