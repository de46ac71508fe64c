import { EventTypeDefinition } from './event-type-definition';
import { EMAIL, PHONE, dataSchema, freeObject, id, nullable, text, timestamp } from './json-schema';

const contactProperties = {
  id: id('Contact id.'),
  email: nullable(EMAIL, 'Email address, lower-cased.'),
  phone: nullable(PHONE, 'Phone number in E.164 format.'),
  first_name: nullable(text('First name.')),
  last_name: nullable(text('Last name.')),
  custom_fields: freeObject('Custom fields by name (automation, lead forms, imports).'),
  status_id: nullable(id('Contact status id (CRM lookup).')),
  source_id: nullable(id('Contact source id (CRM lookup).')),
  email_undeliverable: {
    type: 'boolean',
    description: 'True after a hard bounce or complaint on this email address.',
  },
  phone_undeliverable: { type: 'boolean', description: 'True when the phone number cannot be reached.' },
  created_at: timestamp('When the contact was created.'),
  updated_at: timestamp('When the contact was last changed.'),
};

const contactExample = {
  id: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d',
  email: 'maria.gonzalez@example.com',
  phone: '+34612345678',
  first_name: 'María',
  last_name: 'González',
  custom_fields: { company: 'Acme Iberia', plan: 'pro' },
  status_id: 'b2e4c6a8-1d3f-4e5a-8b7c-9d0e1f2a3b4c',
  source_id: 'c3f5d7b9-2e4a-4f6b-9c8d-0e1f2a3b4c5d',
  email_undeliverable: false,
  phone_undeliverable: false,
  created_at: '2026-11-22T12:34:56.000Z',
  updated_at: '2026-11-22T12:34:56.000Z',
};

export const CONTACT_EVENTS: readonly EventTypeDefinition[] = [
  {
    type: 'contact.created',
    description:
      'A contact was created by the API, a workflow trigger, a lead form, an inbound message or an import.',
    channels: [],
    schema: dataSchema('contact.created', contactProperties),
    example: contactExample,
  },
  {
    type: 'contact.updated',
    description: 'One or more fields of an existing contact changed; `changed` names them.',
    channels: [],
    schema: dataSchema('contact.updated', {
      ...contactProperties,
      changed: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        uniqueItems: true,
        description: 'Names of the fields that changed (custom fields as `custom_fields.<name>`).',
      },
      previous: {
        type: 'object',
        additionalProperties: true,
        description: 'The value each changed field had before, under the same names as `changed` (null when it had none).',
      },
    }, ['previous']),
    example: {
      ...contactExample,
      last_name: 'González Ruiz',
      custom_fields: { company: 'Acme Iberia', plan: 'enterprise' },
      updated_at: '2026-11-23T09:15:02.000Z',
      changed: ['last_name', 'custom_fields.plan'],
      previous: { last_name: 'González', 'custom_fields.plan': 'pro' },
    },
  },
  {
    type: 'contact.deleted',
    description: 'A contact was deleted; only its id and identifiers are sent.',
    channels: [],
    schema: dataSchema('contact.deleted', {
      id: contactProperties.id,
      email: contactProperties.email,
      phone: contactProperties.phone,
    }),
    example: {
      id: contactExample.id,
      email: contactExample.email,
      phone: contactExample.phone,
    },
  },
];
