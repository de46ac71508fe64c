/** Channel kinds an event can be scoped to. */
export type ChannelKind = 'email' | 'whatsapp' | 'sms';

/** One entry of the event catalog served by `GET /api/event-types`. */
export interface EventTypeDefinition {
  /** Dotted event name, e.g. `contact.created`. */
  type: string;
  /** One sentence telling a subscriber when the event is emitted. */
  description: string;
  /** Channels the event applies to; `[]` when it is not channel-specific. */
  channels: ChannelKind[];
  /** JSON Schema (draft-07) of the event's `data` object. */
  schema: Record<string, unknown>;
  /** A realistic example of the event's `data` object. */
  example: Record<string, unknown>;
}
