import type { Endpoint, EventType } from '../../api/types';

/** The body shapes an endpoint can choose; the set comes from the generated API schema. */
export type PayloadFormat = Endpoint['payload_format'];

interface FormatInfo {
  label: string;
  /** One line, in plain words, of what a receiver gets. */
  description: string;
}

/** Every format, in the order the select lists them (a `Record` so a new API format fails the typecheck until it is described). */
export const PAYLOAD_FORMATS: Record<PayloadFormat, FormatInfo> = {
  standard: {
    label: 'Standard',
    description: 'The hub’s envelope: id, type, timestamp, account_id, channel, channel_id and the event’s data.',
  },
  crm_model: {
    label: 'CRM model events',
    description: 'Laravel-style model events (created, updated, deleted with attributes and original) for contacts, statuses and sources.',
  },
  channel_event: {
    label: 'Channel gateway events',
    description: 'WhatsApp-gateway (Baileys-style) events such as messages.upsert and connection.update; inbound email and SMS as messaging.',
  },
  flat_event: {
    label: 'Flat marketing events',
    description: 'One flat object named in words: “message sent”, “delivery bounce”, “mailing group subscribe”, “contact adding”…',
  },
  conversation: {
    label: 'WhatsApp conversation',
    description: 'A WhatsApp-assistant summary of the conversation (last messages, who said what), for messages received on WhatsApp.',
  },
};

export const PAYLOAD_FORMAT_VALUES = Object.keys(PAYLOAD_FORMATS) as PayloadFormat[];

/**
 * The event a format shows when the endpoint has none it can express: the one
 * the catalog in that format marks `format_sample`, which is also what the
 * API's test send picks when no event type is given.
 */
export function sampleType(examples: readonly EventType[] | undefined): string | undefined {
  return examples?.find((example) => example.format_sample)?.type;
}

export function isPayloadFormat(value: string): value is PayloadFormat {
  return value in PAYLOAD_FORMATS;
}

/** "Flat marketing events (flat_event)": how the card and hints name a format. */
export function formatName(format: PayloadFormat): string {
  return `${PAYLOAD_FORMATS[format].label} (${format})`;
}

/** Does `format` express this type, going by the catalog's examples in that format? */
export function expresses(format: PayloadFormat, examples: readonly EventType[], type: string): boolean {
  return examples.find((example) => example.type === type)?.example_format === format;
}

/**
 * The event types the preview can switch among: the endpoint's types that the
 * catalog knows (custom types have no example), with `fallback` first when it
 * is not one of them, so the select always shows what is previewed.
 */
export function previewChoices(endpointTypes: readonly string[], catalogTypes: readonly string[], fallback: string | undefined): string[] {
  const known = [...new Set(endpointTypes)].filter((type) => catalogTypes.includes(type));
  return fallback === undefined || known.includes(fallback) ? known : [fallback, ...known];
}

/**
 * The type previewed when none is picked: the first of the endpoint's types
 * that the format expresses, else the format's sample type. Both come from the
 * format's examples, so until they have loaded there is none.
 */
export function defaultPreviewType(format: PayloadFormat, endpointTypes: readonly string[], examples: readonly EventType[] | undefined): string | undefined {
  if (!examples) return undefined;
  return endpointTypes.find((type) => expresses(format, examples, type)) ?? sampleType(examples);
}
