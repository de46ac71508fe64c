import { EventTypeDefinition } from './event-type-definition';
import { dataSchema, freeObject, id, nullable, oneOf, text } from './json-schema';

export const LEAD_PROVIDERS = ['meta', 'google'] as const;

export const LEAD_EVENTS: readonly EventTypeDefinition[] = [
  {
    type: 'lead.captured',
    description: 'A Meta or Google lead form was submitted and its lead stored as a contact.',
    channels: [],
    schema: dataSchema('lead.captured', {
      provider: oneOf(LEAD_PROVIDERS, 'Ad platform the lead came from.'),
      lead_source_id: id('Lead source that received the lead.'),
      lead_id: id('Lead id given by the provider (Meta leadgen_id, Google lead_id).'),
      form_id: nullable(text('Lead form id given by the provider.')),
      campaign_id: nullable(text('Ad campaign id given by the provider.')),
      contact_id: id('Contact created or updated from the lead.'),
      is_test: { type: 'boolean', description: 'True for test leads sent from the provider tools.' },
      fields: freeObject('Submitted form fields by name, before mapping.'),
    }),
    example: {
      provider: 'meta',
      lead_source_id: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70',
      lead_id: '1234567890123456',
      form_id: '987654321098765',
      campaign_id: '23851234567890123',
      contact_id: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d',
      is_test: false,
      fields: {
        full_name: 'María González',
        email: 'maria.gonzalez@example.com',
        phone_number: '+34612345678',
        preferred_city: 'Madrid',
      },
    },
  },
];
