import { exampleBody, exampleEvent, PayloadFormat, SAMPLE_EVENT_TYPES } from '@hub/payload-formats';
import { EVENT_CATALOG } from '../catalog';
import type { EventTypeDto } from './dto/publish-event.dto';

const cache = new Map<PayloadFormat, EventTypeDto[]>();

/**
 * The catalog with each example as the whole body a receiver gets in `format`,
 * and the format's sample type marked (computed once per format).
 */
export function catalogWithBodies(format: PayloadFormat): EventTypeDto[] {
  let types = cache.get(format);
  if (!types) {
    types = EVENT_CATALOG.map((definition) => {
      const rendered = exampleBody(format, exampleEvent({ type: definition.type, channels: definition.channels, example: definition.example as Record<string, unknown> }));
      return {
        ...(definition as unknown as EventTypeDto),
        example_format: rendered.format,
        example_body: JSON.parse(rendered.body) as Record<string, unknown>,
        format_sample: definition.type === SAMPLE_EVENT_TYPES[format],
      };
    });
    cache.set(format, types);
  }
  return types;
}
