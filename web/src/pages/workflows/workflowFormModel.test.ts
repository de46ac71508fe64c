import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../api/limits';
import type { Workflow, WorkflowStep } from '../../api/types';
import {
  emptyStep,
  MAX_STEPS,
  STEP_TYPES,
  formValues,
  httpBody,
  placeApiError,
  stepValues,
  toStep,
  toWorkflowInput,
  workflowFormSchema,
  type WorkflowFormValues,
} from './workflowFormModel';

const CHANNEL = '5b0f7d2c-3a41-4c8e-9d55-0c7f6a1e2b90';
const GROUP = '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a';

const everyStep: WorkflowStep[] = [
  { type: 'send_email', channel_id: CHANNEL, subject: 'Welcome, {{ first_name }}!', body: '<p>Hi</p>' },
  { type: 'send_whatsapp', channel_id: CHANNEL, body: 'Hola {{ first_name }}' },
  { type: 'send_sms', channel_id: CHANNEL, body: 'Code {{ code }}' },
  { type: 'wait', seconds: 7_200 },
  { type: 'http_request', url: 'https://crm.example.com/hooks', body: { email: '{{ email }}', n: 1 }, headers: { 'x-api-key': 'abc' } },
  { type: 'http_request', url: 'https://crm.example.com/plain', body: 'email={{ email }}' },
  { type: 'http_request', url: 'https://crm.example.com/default' },
  { type: 'update_contact', fields: { first_name: '{{ first_name | capitalize }}', custom_fields: { stage: 'won', score: 10, vip: true, old: null } } },
  { type: 'add_to_group', group_id: GROUP },
];

const workflow: Workflow = {
  id: 'w1',
  name: 'Welcome series',
  description: null,
  active: false,
  steps: everyStep,
  trigger: { webhook_id: 'abc', webhook_url: 'https://hub.example.com/api/automation/webhook/abc' },
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe('workflow form ↔ API steps', () => {
  it('round-trips every step type unchanged, numbers, booleans and nulls included', () => {
    const values = formValues(workflow);
    expect(values.steps[3]).toMatchObject({ wait_amount: '2', wait_unit: 'hours' });
    expect(values.steps[4]?.http_body).toBe('{\n  "email": "{{ email }}",\n  "n": 1\n}');
    expect(toWorkflowInput(values)).toEqual({ name: 'Welcome series', description: null, active: false, steps: everyStep });
    expect(workflowFormSchema.safeParse(values).success).toBe(true);
  });

  it('sends only the fields of the step type, whatever else was typed', () => {
    const step = { ...emptyStep('wait'), wait_amount: '15', wait_unit: 'minutes' as const, subject: 'left over', url: 'https://x' };
    expect(toStep(step)).toEqual({ type: 'wait', seconds: 900 });
  });

  it('leaves out blank names and empty custom fields of update_contact', () => {
    const step = { ...emptyStep('update_contact'), last_name: 'Lee', custom_fields: [{ name: ' ', value: '', kind: 'text' as const }] };
    expect(toStep(step)).toEqual({ type: 'update_contact', fields: { last_name: 'Lee' } });
  });

  it('sends an http body as JSON when it is an object, else as one template string', () => {
    expect(httpBody('{"a": "{{ email }}"}')).toEqual({ a: '{{ email }}' });
    expect(httpBody('[1, 2]')).toBe('[1, 2]');
    expect(httpBody('name={{ first_name }}')).toBe('name={{ first_name }}');
    expect(httpBody('  ')).toBeUndefined();
  });

  it('reads a step back from the API the way it is shown', () => {
    expect(stepValues({ type: 'wait', seconds: 86_400 * 3 })).toMatchObject({ wait_amount: '3', wait_unit: 'days' });
  });
});

describe('workflow form checks', () => {
  const base: WorkflowFormValues = { name: 'W', description: '', active: true, steps: [] };
  const issues = (values: WorkflowFormValues) => {
    const result = workflowFormSchema.safeParse(values);
    return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
  };

  it('needs a name; no steps is allowed (the trigger then only captures the contact)', () => {
    expect(issues({ ...base, name: ' ' })).toEqual([['name', 'Give the workflow a name']]);
    expect(issues(base)).toEqual([]);
  });

  it('names the field of the step that is wrong', () => {
    expect(
      issues({
        ...base,
        steps: [
          emptyStep('send_email'),
          { ...emptyStep('wait'), wait_amount: '100', wait_unit: 'days' },
          { ...emptyStep('http_request'), url: 'ftp://x', http_body: '{"a":' },
          emptyStep('update_contact'),
          emptyStep('add_to_group'),
        ],
      }),
    ).toEqual([
      ['steps.0.channel_id', 'Choose an email channel'],
      ['steps.0.subject', 'Write a subject'],
      ['steps.0.body', 'Write the message'],
      ['steps.1.wait_amount', 'A wait is at most 90 days'],
      ['steps.2.url', 'Only http:// and https:// URLs can receive webhooks'],
      ['steps.2.http_body', expect.stringMatching(/^This looks like JSON but does not parse/)],
      ['steps.3.first_name', 'Set a first name, a last name or at least one custom field'],
      ['steps.4.group_id', 'Choose a group'],
    ]);
  });

  it('takes its step types and limits from the API schema (openapi.json)', () => {
    expect(STEP_TYPES).toEqual(['send_email', 'send_whatsapp', 'send_sms', 'wait', 'http_request', 'update_contact', 'add_to_group']);
    const sms = { ...emptyStep('send_sms'), channel_id: CHANNEL, body: 'x'.repeat(LIMITS.SendSmsStepDto.body.maxLength + 1) };
    expect(issues({ ...base, steps: [sms] })).toEqual([['steps.0.body', 'At most 1,600 characters']]);
    const wait = { ...emptyStep('wait'), wait_amount: String(LIMITS.WaitStepDto.seconds.maximum), wait_unit: 'seconds' as const };
    expect(issues({ ...base, steps: [wait] })).toEqual([]);
    expect(issues({ ...base, steps: Array.from({ length: MAX_STEPS + 1 }, () => ({ ...emptyStep('wait'), wait_amount: '1' })) })).toEqual([['steps', 'At most 50 steps']]);
  });
});

describe('placing API errors', () => {
  const values = formValues({
    ...workflow,
    steps: [
      { type: 'send_email', channel_id: CHANNEL, subject: '{{ oops', body: 'b' },
      { type: 'http_request', url: 'http://10.0.0.1/x', body: { a: '{{ b' }, headers: { 'X-Key': '{{' } },
      { type: 'update_contact', fields: { custom_fields: { plan: '{% if %}' } } },
    ],
  });

  it('puts steps[i].field next to that step’s input, in the form’s words', () => {
    expect(placeApiError('steps[0].subject', 'steps[0].subject is not a valid template: unclosed tag', values)).toEqual({
      field: 'steps.0.subject',
      message: 'Subject is not a valid template: unclosed tag',
    });
    expect(placeApiError('steps[0].channel_id', 'steps[0].channel_id: no channel x in this account', values)).toEqual({
      field: 'steps.0.channel_id',
      message: 'Channel: no channel x in this account',
    });
    expect(placeApiError('steps[1].url', 'steps[1].url is not allowed: private address', values)).toEqual({
      field: 'steps.1.url',
      message: 'URL is not allowed: private address',
    });
    expect(placeApiError('steps[1].body', 'steps[1].body: a is not a valid template', values)).toEqual({
      field: 'steps.1.http_body',
      message: 'Body: a is not a valid template',
    });
    expect(placeApiError('steps[1].headers', 'steps[1].headers: X-Key is not a valid template', values)).toEqual({
      field: 'steps.1.headers',
      message: 'Headers: X-Key is not a valid template',
    });
    expect(placeApiError('steps[2].fields.custom_fields', 'steps[2].fields.custom_fields: plan is not a valid template', values)).toEqual({
      field: 'steps.2.custom_fields',
      message: 'Custom fields: plan is not a valid template',
    });
  });

  it('keeps workflow-level fields and falls back to the step for unknown ones', () => {
    expect(placeApiError('name', 'name must be shorter', values)).toEqual({ field: 'name', message: 'name must be shorter' });
    expect(placeApiError('steps[2].colour', 'steps[2].colour is not a field', values)?.field).toBe('steps.2.type');
    expect(placeApiError('webhook_id', 'bad', values)).toBeNull();
  });
});
