import { FormatContext, FormatEvent, PayloadFormat } from './payload-format';
import { renderPayload, RenderedBody } from './payload-formats';

/** The event each format shows when nothing else is asked for (the Test button, the form's preview). */
export const SAMPLE_EVENT_TYPES: Record<PayloadFormat, string> = {
  standard: 'webhook.test',
  crm_model: 'contact.updated',
  channel_event: 'message.received',
  flat_event: 'message.sent',
  conversation: 'message.received',
};

const EXAMPLE_AT = new Date('2026-11-22T14:10:33.000Z');

/** What the examples' stored context would hold: a channel and a short conversation. */
export const EXAMPLE_CONTEXT: FormatContext = {
  channel: { name: 'Main channel', from_address: 'hello@shop.example.com', phone: '+5511987654321', from_number: '+14155550100' },
  conversation: [
    { direction: 'inbound', text: 'Hola, ¿tenéis disponibilidad el jueves?', at: new Date('2026-11-22T14:08:02.000Z'), contentType: 'text', mediaUrl: null },
    { direction: 'outbound', text: '¡Hola María! Sí, a las 10:00 o a las 16:30.', at: new Date('2026-11-22T14:09:15.000Z'), contentType: 'text', mediaUrl: null },
    { direction: 'inbound', text: 'A las 16:30, por favor.', at: EXAMPLE_AT, contentType: 'text', mediaUrl: null },
  ],
};

/** A catalog example (`data`) as the stored event a receiver's body is made from. */
export function exampleEvent(input: { type: string; channels: readonly string[]; example: Record<string, unknown>; accountId?: string; id?: string; at?: Date }): FormatEvent {
  const data = input.example;
  const channel = typeof data.channel === 'string' ? data.channel : (input.channels[0] ?? null);
  return {
    id: input.id ?? 'evt_01JDZ4Q8W5T3N6R2K9M7B1C0XA',
    type: input.type,
    created_at: input.at ?? EXAMPLE_AT,
    account_id: input.accountId ?? '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e',
    channel,
    channel_id: typeof data.channel_id === 'string' ? data.channel_id : channel ? 'a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d' : null,
    data,
  };
}

/** The example's body in `format`, with the example context. */
export function exampleBody(format: PayloadFormat, event: FormatEvent): RenderedBody {
  return renderPayload(format, event, EXAMPLE_CONTEXT);
}
