import { z } from 'zod';
import { DISCRIMINATED, LIMITS } from '../../api/limits';
import type { CreateWorkflowRequest, Workflow, WorkflowStep, WorkflowStepType } from '../../api/types';
import { customFieldProblems, customFieldRecord, customFieldRows, type CustomFieldRow } from '../../ui/customFields';
import { urlProblem } from '../webhooks/endpointFormModel';
import { splitWait, waitProblem, waitSeconds, type WaitUnit } from './waitDuration';

export interface HeaderRow {
  name: string;
  value: string;
}

/**
 * One step as the form holds it: every field of every type, as typed. Only the
 * fields of `type` are sent; the others keep what was typed if the step is
 * changed back.
 */
export interface StepValues {
  type: WorkflowStepType;
  channel_id: string;
  subject: string;
  /** The message of a send step. */
  body: string;
  wait_amount: string;
  wait_unit: WaitUnit;
  url: string;
  /** http_request: a JSON object (its strings are templates), any other template text, or empty for the default body. */
  http_body: string;
  headers: HeaderRow[];
  first_name: string;
  last_name: string;
  custom_fields: CustomFieldRow[];
  group_id: string;
}

export interface WorkflowFormValues {
  name: string;
  description: string;
  active: boolean;
  steps: StepValues[];
}

/** The step types the API takes, in its order (the discriminator of `steps` in openapi.json). */
export const STEP_TYPES = DISCRIMINATED['CreateWorkflowDto.steps'];

export const STEP_LABELS: Record<WorkflowStepType, string> = {
  send_email: 'Send email',
  send_whatsapp: 'Send WhatsApp',
  send_sms: 'Send SMS',
  wait: 'Wait',
  http_request: 'HTTP request',
  update_contact: 'Update contact',
  add_to_group: 'Add to group',
};

// The API's limits, from openapi.json (src/api/limits.ts).
export const MAX_STEPS = LIMITS.CreateWorkflowDto.steps.maxItems;
const MAX_HEADERS = LIMITS.HttpRequestStepDto.headers.maxProperties;
const MAX_SUBJECT = LIMITS.SendEmailStepDto.subject.maxLength;
const SEND_BODY_LIMITS: Partial<Record<WorkflowStepType, number>> = {
  send_email: LIMITS.SendEmailStepDto.body.maxLength,
  send_whatsapp: LIMITS.SendWhatsappStepDto.body.maxLength,
  send_sms: LIMITS.SendSmsStepDto.body.maxLength,
};
const MAX_NAME = LIMITS.CreateWorkflowDto.name.maxLength;
const MAX_DESCRIPTION = LIMITS.CreateWorkflowDto.description.maxLength;

export function emptyStep(type: WorkflowStepType): StepValues {
  return {
    type,
    channel_id: '',
    subject: '',
    body: '',
    wait_amount: '1',
    wait_unit: 'days',
    url: '',
    http_body: '',
    headers: [],
    first_name: '',
    last_name: '',
    custom_fields: [],
    group_id: '',
  };
}

export function stepValues(step: WorkflowStep): StepValues {
  const values = emptyStep(step.type);
  switch (step.type) {
    case 'send_email':
      return { ...values, channel_id: step.channel_id, subject: step.subject, body: step.body };
    case 'send_whatsapp':
    case 'send_sms':
      return { ...values, channel_id: step.channel_id, body: step.body };
    case 'wait': {
      const { amount, unit } = splitWait(step.seconds);
      return { ...values, wait_amount: amount, wait_unit: unit };
    }
    case 'http_request':
      return {
        ...values,
        url: step.url,
        http_body: step.body === undefined ? '' : typeof step.body === 'string' ? step.body : JSON.stringify(step.body, null, 2),
        headers: Object.entries(step.headers ?? {}).map(([name, value]) => ({ name, value })),
      };
    case 'update_contact':
      return {
        ...values,
        first_name: step.fields.first_name ?? '',
        last_name: step.fields.last_name ?? '',
        custom_fields: customFieldRows(step.fields.custom_fields),
      };
    case 'add_to_group':
      return { ...values, group_id: step.group_id };
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The http_request body as the API takes it: an object when the text is a JSON object, else the text; absent when empty. */
export function httpBody(text: string): Record<string, unknown> | string | undefined {
  if (!text.trim()) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (isPlainObject(parsed)) return parsed;
  } catch {
    // a template string
  }
  return text;
}

export function toStep(values: StepValues): WorkflowStep {
  switch (values.type) {
    case 'send_email':
      return { type: 'send_email', channel_id: values.channel_id, subject: values.subject, body: values.body };
    case 'send_whatsapp':
    case 'send_sms':
      return { type: values.type, channel_id: values.channel_id, body: values.body };
    case 'wait':
      return { type: 'wait', seconds: waitSeconds(values.wait_amount, values.wait_unit) ?? 0 };
    case 'http_request': {
      const step: WorkflowStep & { type: 'http_request' } = { type: 'http_request', url: values.url.trim() };
      const body = httpBody(values.http_body);
      if (body !== undefined) step.body = body;
      const headers = values.headers.filter((h) => h.name.trim());
      if (headers.length > 0) step.headers = Object.fromEntries(headers.map((h) => [h.name.trim(), h.value]));
      return step;
    }
    case 'update_contact': {
      const fields: { first_name?: string; last_name?: string; custom_fields?: Record<string, string | number | boolean | null> } = {};
      if (values.first_name.trim()) fields.first_name = values.first_name;
      if (values.last_name.trim()) fields.last_name = values.last_name;
      const custom = customFieldRecord(values.custom_fields);
      if (Object.keys(custom).length > 0) fields.custom_fields = custom as Record<string, string | number | boolean | null>;
      return { type: 'update_contact', fields };
    }
    case 'add_to_group':
      return { type: 'add_to_group', group_id: values.group_id };
  }
}

export function formValues(workflow?: Workflow): WorkflowFormValues {
  return {
    name: workflow?.name ?? '',
    description: workflow?.description ?? '',
    active: workflow?.active ?? true,
    steps: workflow ? workflow.steps.map(stepValues) : [],
  };
}

export function toWorkflowInput(values: WorkflowFormValues): CreateWorkflowRequest {
  return {
    name: values.name.trim(),
    description: values.description.trim() || null,
    active: values.active,
    steps: values.steps.map(toStep),
  };
}

const CHANNEL_WORDS: Partial<Record<WorkflowStepType, string>> = {
  send_email: 'an email channel',
  send_whatsapp: 'a WhatsApp channel',
  send_sms: 'an SMS channel',
};

/** Problems the form can see before saving, as [path within the step, message]. */
export function stepProblems(step: StepValues): [string, string][] {
  const problems: [string, string][] = [];
  switch (step.type) {
    case 'send_email':
    case 'send_whatsapp':
    case 'send_sms': {
      if (!step.channel_id) problems.push(['channel_id', `Choose ${CHANNEL_WORDS[step.type]}`]);
      if (step.type === 'send_email') {
        if (!step.subject.trim()) problems.push(['subject', 'Write a subject']);
        else if (step.subject.length > MAX_SUBJECT) problems.push(['subject', `Subjects are at most ${MAX_SUBJECT} characters`]);
      }
      const limit = SEND_BODY_LIMITS[step.type] ?? Infinity;
      if (!step.body.trim()) problems.push(['body', 'Write the message']);
      else if (step.body.length > limit) problems.push(['body', `At most ${limit.toLocaleString('en')} characters`]);
      break;
    }
    case 'wait': {
      const problem = waitProblem(step.wait_amount, step.wait_unit);
      if (problem) problems.push(['wait_amount', problem]);
      break;
    }
    case 'http_request': {
      if (!step.url.trim()) problems.push(['url', 'Enter the URL to call']);
      else {
        const problem = urlProblem(step.url);
        if (problem) problems.push(['url', problem]);
      }
      const text = step.http_body.trim();
      if (text.startsWith('{')) {
        try {
          JSON.parse(text);
        } catch (error) {
          problems.push(['http_body', `This looks like JSON but does not parse: ${(error as Error).message}`]);
        }
      }
      if (step.headers.length > MAX_HEADERS) problems.push(['headers', `At most ${MAX_HEADERS} headers`]);
      const seen = new Set<string>();
      step.headers.forEach((header, index) => {
        const name = header.name.trim();
        if (!name) {
          if (header.value) problems.push([`headers.${index}.name`, 'Name this header, or remove it']);
          return;
        }
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) problems.push([`headers.${index}.name`, 'Use letters, digits and - only']);
        else if (seen.has(name.toLowerCase())) problems.push([`headers.${index}.name`, `${name} is listed twice`]);
        seen.add(name.toLowerCase());
        if (/[\r\n]/.test(header.value)) problems.push([`headers.${index}.value`, 'No line breaks in header values']);
      });
      break;
    }
    case 'update_contact': {
      const named = step.custom_fields.some((row) => row.name.trim());
      if (!step.first_name.trim() && !step.last_name.trim() && !named) {
        problems.push(['first_name', 'Set a first name, a last name or at least one custom field']);
      }
      for (const { index, part, message } of customFieldProblems(step.custom_fields)) {
        problems.push([`custom_fields.${index}.${part}`, message]);
      }
      break;
    }
    case 'add_to_group':
      if (!step.group_id) problems.push(['group_id', 'Choose a group']);
      break;
  }
  return problems;
}

const headerRow = z.object({ name: z.string(), value: z.string() });
const customFieldRow = z.object({ name: z.string(), value: z.string(), kind: z.enum(['text', 'number', 'boolean', 'json', 'null']) });

export const workflowFormSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the workflow a name').max(MAX_NAME, `Names are at most ${MAX_NAME} characters`),
    description: z.string().max(MAX_DESCRIPTION, `Descriptions are at most ${MAX_DESCRIPTION} characters`),
    active: z.boolean(),
    steps: z.array(
      z.object({
        type: z.enum(STEP_TYPES),
        channel_id: z.string(),
        subject: z.string(),
        body: z.string(),
        wait_amount: z.string(),
        wait_unit: z.enum(['seconds', 'minutes', 'hours', 'days']),
        url: z.string(),
        http_body: z.string(),
        headers: z.array(headerRow),
        first_name: z.string(),
        last_name: z.string(),
        custom_fields: z.array(customFieldRow),
        group_id: z.string(),
      }),
    ),
  })
  .superRefine((values, ctx) => {
    if (values.steps.length > MAX_STEPS) ctx.addIssue({ code: 'custom', path: ['steps'], message: `At most ${MAX_STEPS} steps` });
    values.steps.forEach((step, index) => {
      for (const [path, message] of stepProblems(step)) {
        ctx.addIssue({ code: 'custom', path: ['steps', index, ...path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))], message });
      }
    });
  });

const STEP_FIELD_LABELS: Record<string, string> = {
  channel_id: 'Channel',
  subject: 'Subject',
  body: 'Message',
  seconds: 'Wait',
  url: 'URL',
  headers: 'Headers',
  group_id: 'Group',
  type: 'Step type',
  fields: 'Contact fields',
  'fields.first_name': 'First name',
  'fields.last_name': 'Last name',
  'fields.custom_fields': 'Custom fields',
};

export interface PlacedError {
  /** A path of the form's values, as react-hook-form names it. */
  field: string;
  message: string;
}

/**
 * Where a 400's `details[].field` belongs in the form (`steps[2].subject` is
 * step 3's subject input), and its message in the form's words
 * ("steps[2].subject must be …" reads "Subject must be …"). The API names a
 * step's fields, never keys inside them: a bad header or custom field is
 * reported on `headers` / `fields.custom_fields`, its message naming the key.
 * Null when no input matches.
 */
export function placeApiError(apiField: string, message: string, values: WorkflowFormValues): PlacedError | null {
  if (apiField === 'name' || apiField === 'description') return { field: apiField, message };
  if (apiField === 'steps') return { field: 'steps', message };
  const match = /^steps\[(\d+)\](?:\.(.+))?$/.exec(apiField);
  if (!match) return null;
  const index = Number(match[1]);
  const step = values.steps[index];
  if (!step) return { field: 'steps', message };
  const rest = match[2] ?? '';
  const at = (path: string) => `steps.${index}.${path}`;

  let field: string;
  let label = STEP_FIELD_LABELS[rest] ?? 'This step';
  if (['channel_id', 'subject', 'url', 'group_id', 'type'].includes(rest)) field = at(rest);
  else if (rest === 'seconds') field = at('wait_amount');
  else if (rest === 'headers') field = at('headers');
  else if (rest === 'fields.custom_fields') field = at('custom_fields');
  else if (rest === 'body') {
    field = at(step.type === 'http_request' ? 'http_body' : 'body');
    label = step.type === 'http_request' ? 'Body' : 'Message';
  } else if (rest === 'fields.first_name' || rest === 'fields.last_name') field = at(rest.slice('fields.'.length));
  else field = at('type');

  const tail = message.startsWith(apiField) ? message.slice(apiField.length) : null;
  return { field, message: tail === null ? message : `${label}${tail}` };
}
