import { EventTypeDefinition } from './event-type-definition';
import { dataSchema, id, nullable, oneOf, text, timestamp } from './json-schema';

export const ENDPOINT_DISABLED_REASONS = ['gone', 'failing', 'manual'] as const;

const endpointUrl = { type: 'string', format: 'uri', description: 'URL the deliveries went to.' };

export const SYSTEM_EVENTS: readonly EventTypeDefinition[] = [
  {
    type: 'webhook.test',
    description: 'A test event, sent when an endpoint is verified or tested from the admin app or API.',
    channels: [],
    schema: dataSchema('webhook.test', {
      message: text('Human-readable note about the test.'),
      endpoint_id: nullable(id('Endpoint being tested; null for an unsaved URL.')),
      sent_at: timestamp('When the test was sent.'),
    }),
    example: {
      message: 'This is a test event from Webhook Hub.',
      endpoint_id: '2c4e6a8b-0d1f-4a3c-9e5b-7d9f1a3c5e7b',
      sent_at: '2026-11-22T12:34:56.000Z',
    },
  },
  {
    type: 'endpoint.disabled',
    description:
      'An endpoint was disabled because it answered 410 Gone, kept failing for 5 days, or an admin turned it off.',
    channels: [],
    schema: dataSchema('endpoint.disabled', {
      endpoint_id: id('Endpoint that was disabled.'),
      url: endpointUrl,
      reason: oneOf(ENDPOINT_DISABLED_REASONS, 'gone: 410 answer; failing: 5 days of failures; manual: by an admin.'),
      disabled_at: timestamp('When the endpoint was disabled.'),
    }),
    example: {
      endpoint_id: '2c4e6a8b-0d1f-4a3c-9e5b-7d9f1a3c5e7b',
      url: 'https://crm.example.com/hooks/webhook-hub',
      reason: 'failing',
      disabled_at: '2026-11-27T12:34:56.000Z',
    },
  },
  {
    type: 'delivery.exhausted',
    description: 'A delivery failed its last retry attempt and will not be retried automatically.',
    channels: [],
    schema: dataSchema('delivery.exhausted', {
      delivery_id: id('Delivery that failed.'),
      endpoint_id: id('Endpoint the delivery was for.'),
      event_id: id('Event that could not be delivered.'),
      event_type: { type: 'string', minLength: 1, description: 'Type of that event.' },
      url: endpointUrl,
      attempts: { type: 'integer', minimum: 1, description: 'Number of attempts made.' },
      last_status_code: nullable(
        { type: 'integer', minimum: 100, maximum: 599 },
        'HTTP status of the last attempt; null when no response was received.',
      ),
      last_error: nullable(text('Error of the last attempt (timeout, connection refused, …).')),
    }),
    example: {
      delivery_id: '8d6f4b2a-0c9e-4a7b-8d5f-3b1a9c7e5d3f',
      endpoint_id: '2c4e6a8b-0d1f-4a3c-9e5b-7d9f1a3c5e7b',
      event_id: 'evt_01JDQ7Z3K8M2N4P6R8T0V2X4Z6',
      event_type: 'message.bounced',
      url: 'https://crm.example.com/hooks/webhook-hub',
      attempts: 8,
      last_status_code: 503,
      last_error: 'Service Unavailable',
    },
  },
];
