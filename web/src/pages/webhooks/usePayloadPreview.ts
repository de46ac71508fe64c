import { useState } from 'react';
import { useEventTypeExamples } from '../event-types/useEventTypes';
import { defaultPreviewType, previewChoices, type PayloadFormat } from './payloadFormats';

/**
 * What the form's body preview shows: the examples of `format` (fetched once
 * per format), the event type previewed and the types to switch among. A type
 * picked by hand holds until the format changes or the type leaves the endpoint.
 */
export function usePayloadPreview(format: PayloadFormat, endpointTypes: readonly string[], catalogTypes: readonly string[]) {
  const examples = useEventTypeExamples(format);
  const [picked, setPicked] = useState<{ format: PayloadFormat; type: string } | null>(null);
  const fallback = defaultPreviewType(format, endpointTypes, examples.data);
  const choices = previewChoices(endpointTypes, catalogTypes, fallback);
  const eventType: string | undefined = picked && picked.format === format && choices.includes(picked.type) ? picked.type : fallback;

  return {
    format,
    eventType,
    choices,
    pick: (type: string) => setPicked({ format, type }),
    examples,
    example: eventType === undefined ? undefined : examples.data?.find((example) => example.type === eventType),
  };
}

export type PayloadPreviewState = ReturnType<typeof usePayloadPreview>;
