import { EventTypeDefinition } from './event-type-definition';
import { dataSchema, freeObject, id, oneOf, timestamp } from './json-schema';

const runProperties = {
  workflow_id: id('Workflow id.'),
  workflow_name: { type: 'string', minLength: 1, description: 'Name of the workflow.' },
  run_id: id('Workflow run (enrolment) id.'),
  contact_id: id('Enrolled contact.'),
  variables: freeObject('Variables available to the run as `{{ name }}`.'),
};

const runExample = {
  workflow_id: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
  workflow_name: 'Welcome series',
  run_id: '0f1e2d3c-4b5a-4697-8a8b-9c0d1e2f3a4b',
  contact_id: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d',
  variables: { email: 'maria.gonzalez@example.com', first_name: 'María', plan: 'pro' },
};

export const WORKFLOW_EVENTS: readonly EventTypeDefinition[] = [
  {
    type: 'workflow.enrolled',
    description: 'A contact was enrolled into a workflow and its run started.',
    channels: [],
    schema: dataSchema('workflow.enrolled', runProperties),
    example: runExample,
  },
  {
    type: 'workflow.completed',
    description: 'A workflow run finished, either completing every step or failing on one.',
    channels: [],
    schema: dataSchema('workflow.completed', {
      ...runProperties,
      status: oneOf(['completed', 'failed'], 'How the run ended.'),
      completed_at: timestamp('When the run ended.'),
    }),
    example: { ...runExample, status: 'completed', completed_at: '2026-11-29T12:35:00.000Z' },
  },
];
