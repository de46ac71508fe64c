import { EventTypeDefinition } from './event-type-definition';
import { dataSchema, id, timestamp } from './json-schema';

type LookupKind = 'contact_status' | 'contact_source';

const LABELS: Record<LookupKind, string> = {
  contact_status: 'contact status',
  contact_source: 'contact source',
};

const EXAMPLES: Record<LookupKind, { id: string; name: string }> = {
  contact_status: { id: 'b2e4c6a8-1d3f-4e5a-8b7c-9d0e1f2a3b4c', name: 'Qualified' },
  contact_source: { id: 'c3f5d7b9-2e4a-4f6b-9c8d-0e1f2a3b4c5d', name: 'Facebook Lead Ads' },
};

function lookupEvents(kind: LookupKind): EventTypeDefinition[] {
  const label = LABELS[kind];
  const { id: exampleId, name } = EXAMPLES[kind];
  const identity = {
    id: id(`${label[0].toUpperCase()}${label.slice(1)} id.`),
    name: { type: 'string', minLength: 1, description: `Name of the ${label}.` },
  };
  const full = {
    ...identity,
    created_at: timestamp(`When the ${label} was created.`),
    updated_at: timestamp(`When the ${label} was last changed.`),
  };
  return [
    {
      type: `${kind}.created`,
      description: `A ${label} (CRM lookup value) was created.`,
      channels: [],
      schema: dataSchema(`${kind}.created`, full),
      example: {
        id: exampleId,
        name,
        created_at: '2026-11-20T08:00:00.000Z',
        updated_at: '2026-11-20T08:00:00.000Z',
      },
    },
    {
      type: `${kind}.updated`,
      description: `A ${label} (CRM lookup value) was renamed or otherwise changed.`,
      channels: [],
      schema: dataSchema(
        `${kind}.updated`,
        { ...full, previous: { type: 'object', additionalProperties: true, description: 'The changed fields\' values before (`name`).' } },
        ['previous'],
      ),
      example: {
        id: exampleId,
        name,
        created_at: '2026-11-20T08:00:00.000Z',
        updated_at: '2026-11-21T16:42:10.000Z',
        previous: { name: `Old ${name}` },
      },
    },
    {
      type: `${kind}.deleted`,
      description: `A ${label} (CRM lookup value) was deleted.`,
      channels: [],
      schema: dataSchema(`${kind}.deleted`, identity),
      example: { id: exampleId, name },
    },
  ];
}

export const CRM_LOOKUP_EVENTS: readonly EventTypeDefinition[] = [
  ...lookupEvents('contact_status'),
  ...lookupEvents('contact_source'),
];
