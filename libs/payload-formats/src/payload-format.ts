/** The body shapes an endpoint can choose (SPEC §3 `payload_format`). */
export const PAYLOAD_FORMATS = ['standard', 'crm_model', 'channel_event', 'flat_event', 'conversation'] as const;
export type PayloadFormat = (typeof PAYLOAD_FORMATS)[number];

/** An event as a format reads it (the stored event row's fields). */
export interface FormatEvent {
  id: string;
  type: string;
  created_at: Date;
  account_id: string;
  channel: string | null;
  channel_id: string | null;
  data: Record<string, unknown>;
}

/** What the event names but does not carry, loaded by the caller when a format asks for it. */
export interface FormatContext {
  /** The event's channel: its name and sending identity (from address, WhatsApp phone, SMS number). */
  channel?: { name: string; from_address: string | null; phone: string | null; from_number: string | null } | null;
  /** The WhatsApp conversation with the sender, oldest first (the `conversation` format). */
  conversation?: ConversationTurn[];
}

export interface ConversationTurn {
  /** The provider's message id, when known: the message being delivered may already be among the stored turns. */
  id?: string | null;
  direction: 'inbound' | 'outbound';
  text: string | null;
  at: Date;
  contentType: string;
  mediaUrl: string | null;
}

/** One format: a pure function from (event, context) to the body, or null when it cannot express the event. */
export interface FormatDefinition {
  readonly name: PayloadFormat;
  /** What this format needs loaded for an event (nothing, for most). */
  needs?(event: FormatEvent): { channel?: boolean; conversation?: boolean };
  render(event: FormatEvent, context: FormatContext): unknown | null;
}

/** An ISO-8601 time with an explicit offset (`+00:00`), as CRM-style receivers parse it. */
export function isoWithOffset(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00').replace(/Z$/, '+00:00');
}

export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
