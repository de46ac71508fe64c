import { describe, expect, it } from 'vitest';
import type { EventType } from '../../api/types';
import { defaultPreviewType, expresses, formatName, previewChoices, sampleType, type PayloadFormat } from './payloadFormats';

/** The catalog as GET /api/event-types?format=flat_event answers it: two types flat_event expresses, two it does not; message.sent is its sample. */
const flatExamples = (
  [
    ['webhook.test', 'standard'],
    ['contact.updated', 'standard'],
    ['message.sent', 'flat_event'],
    ['message.bounced', 'flat_event'],
  ] as [string, PayloadFormat][]
).map(([type, format]): EventType => ({ type, description: type, channels: [], schema: {}, example: {}, example_format: format, example_body: {}, format_sample: type === 'message.sent' }));

describe('payload format preview', () => {
  it('knows which types a format expresses from the example_format of its examples', () => {
    expect(expresses('flat_event', flatExamples, 'message.bounced')).toBe(true);
    expect(expresses('flat_event', flatExamples, 'contact.updated')).toBe(false);
    expect(expresses('flat_event', flatExamples, 'custom.order_paid')).toBe(false);
  });

  it.each([
    ['the first of the endpoint’s types the format expresses', ['contact.updated', 'message.bounced', 'message.sent'], 'message.bounced'],
    ['the format’s sample type when it expresses none of them', ['contact.updated'], 'message.sent'],
    ['the format’s sample type for an endpoint with no types yet', [], 'message.sent'],
  ])('previews %s', (_case, endpointTypes, expected) => {
    expect(defaultPreviewType('flat_event', endpointTypes, flatExamples)).toBe(expected);
  });

  it('takes the sample type from the examples the API marks, and knows none until they have loaded', () => {
    expect(sampleType(flatExamples)).toBe('message.sent');
    expect(sampleType(undefined)).toBeUndefined();
    expect(defaultPreviewType('crm_model', ['message.bounced'], undefined)).toBeUndefined();
    expect(previewChoices(['message.bounced'], ['message.bounced'], undefined)).toEqual(['message.bounced']);
  });

  it('offers the endpoint’s catalog types to switch among, with the previewed sample type first when it is not one of them', () => {
    const catalog = flatExamples.map((example) => example.type);
    expect(previewChoices(['contact.updated', 'custom.order_paid'], catalog, 'message.sent')).toEqual(['message.sent', 'contact.updated']);
    expect(previewChoices(['contact.updated', 'message.bounced'], catalog, 'message.bounced')).toEqual(['contact.updated', 'message.bounced']);
  });

  it('names a format by its label and its API value', () => {
    expect(formatName('flat_event')).toBe('Flat marketing events (flat_event)');
  });
});
