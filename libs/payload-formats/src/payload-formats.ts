import { CHANNEL_EVENT_FORMAT } from './channel-event-format';
import { CONVERSATION_FORMAT } from './conversation-format';
import { CRM_MODEL_FORMAT } from './crm-model-format';
import { FLAT_EVENT_FORMAT } from './flat-event-format';
import { FormatContext, FormatDefinition, FormatEvent, PayloadFormat } from './payload-format';
import { STANDARD_FORMAT } from './standard-format';

const FORMATS: Record<PayloadFormat, FormatDefinition> = {
  standard: STANDARD_FORMAT,
  crm_model: CRM_MODEL_FORMAT,
  channel_event: CHANNEL_EVENT_FORMAT,
  flat_event: FLAT_EVENT_FORMAT,
  conversation: CONVERSATION_FORMAT,
};

/** A body as sent: the format it is in (the asked one, or `standard` when that one cannot express the event) and its JSON. */
export interface RenderedBody {
  format: PayloadFormat;
  body: string;
}

/** What `format` needs loaded to render this event. */
export function contextNeeds(format: PayloadFormat, event: FormatEvent): { channel?: boolean; conversation?: boolean } {
  return FORMATS[format]?.needs?.(event) ?? {};
}

/**
 * The body of `event` in `format`. An event the format cannot express goes
 * in the standard envelope, and says so (`format: 'standard'`, sent as the
 * `webhook-format` header).
 */
export function renderPayload(format: PayloadFormat, event: FormatEvent, context: FormatContext = {}): RenderedBody {
  const definition = FORMATS[format];
  if (definition && format !== 'standard') {
    const body = definition.render(event, context);
    if (body !== null) return { format, body: JSON.stringify(body) };
  }
  return { format: 'standard', body: JSON.stringify(STANDARD_FORMAT.render(event, context)) };
}
