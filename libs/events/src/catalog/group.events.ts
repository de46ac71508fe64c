import { EventTypeDefinition } from './event-type-definition';
import { EMAIL, PHONE, dataSchema, id, nullable, oneOf } from './json-schema';

export const GROUP_MEMBERSHIP_VIA = ['api', 'unsubscribe_link', 'workflow', 'import', 'provider'] as const;

function membershipSchema(title: string) {
  return dataSchema(title, {
    group_id: id('Mailing group id.'),
    group_name: { type: 'string', minLength: 1, description: 'Name of the mailing group.' },
    contact_id: id('Contact id.'),
    email: nullable(EMAIL, 'Email address of the contact.'),
    phone: nullable(PHONE, 'Phone number of the contact in E.164 format.'),
    via: oneOf(GROUP_MEMBERSHIP_VIA, 'What caused the change.'),
  });
}

const membershipExample = {
  group_id: '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a',
  group_name: 'Monthly newsletter',
  contact_id: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d',
  email: 'maria.gonzalez@example.com',
  phone: '+34612345678',
};

export const GROUP_EVENTS: readonly EventTypeDefinition[] = [
  {
    type: 'group.subscribed',
    description: 'A contact was added to a mailing group.',
    channels: [],
    schema: membershipSchema('group.subscribed'),
    example: { ...membershipExample, via: 'api' },
  },
  {
    type: 'group.unsubscribed',
    description: 'A contact left a mailing group, through an unsubscribe link, the API, a workflow or an import.',
    channels: [],
    schema: membershipSchema('group.unsubscribed'),
    example: { ...membershipExample, via: 'unsubscribe_link' },
  },
];
