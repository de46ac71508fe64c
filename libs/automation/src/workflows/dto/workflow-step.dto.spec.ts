import { BadRequestException } from '@nestjs/common';
import { createValidationPipe, ErrorDetail } from '@hub/http';
import { CreateWorkflowDto, UpdateWorkflowDto } from './workflow-input.dto';

const CHANNEL = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const GROUP = '7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d';
const pipe = createValidationPipe();

/** The body as the controller gets it, or the 400's details. */
async function check(steps: unknown, metatype: typeof CreateWorkflowDto | typeof UpdateWorkflowDto = CreateWorkflowDto): Promise<{ dto?: CreateWorkflowDto; details: ErrorDetail[] }> {
  try {
    return { dto: await pipe.transform({ name: 'W', steps }, { type: 'body', metatype }), details: [] };
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return { details: (error.getResponse() as { details: ErrorDetail[] }).details };
  }
}
const fields = async (steps: unknown) => (await check(steps)).details.map((d) => d.field);

describe('workflow step DTOs', () => {
  it('accepts every step type', async () => {
    const { dto, details } = await check([
      { type: 'send_email', channel_id: CHANNEL, subject: 'Hi {{ first_name }}', body: '<p>{{ link_unsubscribe }}</p>' },
      { type: 'send_whatsapp', channel_id: CHANNEL, body: 'Hola {{ first_name }}' },
      { type: 'send_sms', channel_id: CHANNEL, body: 'Code {{ code }}' },
      { type: 'wait', seconds: 1 },
      { type: 'http_request', url: 'https://crm.example.com/hook', body: { name: '{{ first_name }}', tags: ['{{ plan }}', 3] }, headers: { 'X-Api-Key': 'k-{{ plan }}' } },
      { type: 'http_request', url: 'http://example.com/raw', body: '{"email": {{ email | json }}}' },
      { type: 'update_contact', fields: { first_name: '{{ first_name | capitalize }}', custom_fields: { stage: 'won', score: 3, vip: true, old: null } } },
      { type: 'add_to_group', group_id: GROUP },
    ]);
    expect(details).toEqual([]);
    expect(dto?.steps.map((step) => step.constructor.name)).toEqual([
      'SendEmailStepDto',
      'SendWhatsappStepDto',
      'SendSmsStepDto',
      'WaitStepDto',
      'HttpRequestStepDto',
      'HttpRequestStepDto',
      'UpdateContactStepDto',
      'AddToGroupStepDto',
    ]);
  });

  it('refuses a list that is not one or too long; an empty one is a capture-only workflow', async () => {
    expect(await check('nope')).toEqual({ details: [{ field: 'steps', message: expect.stringContaining('steps must be an array') }] });
    expect(await fields([])).toEqual([]);
    expect(await fields(Array.from({ length: 51 }, () => ({ type: 'wait', seconds: 5 })))).toEqual(['steps']);
    expect(await fields(Array.from({ length: 50 }, () => ({ type: 'wait', seconds: 5 })))).toEqual([]);
  });

  it('names each bad field as steps[i].field, an unknown type as steps[i].type', async () => {
    const { details } = await check([
      { type: 'send_email', channel_id: 'not-a-uuid', subject: '', body: 'ok', extra: 1 },
      { type: 'teleport' },
      'wait',
      { type: 'wait', seconds: 0 },
      { type: 'wait', seconds: 90 * 24 * 3600 + 1 },
      { type: 'wait', seconds: 1.5 },
      { type: 'add_to_group' },
      null,
      { type: '__proto__' },
    ]);
    expect(details.map((d) => d.field).sort()).toEqual(
      [
        'steps[0].extra',
        'steps[0].channel_id',
        'steps[0].subject',
        'steps[1].type',
        'steps[2]',
        'steps[3].seconds',
        'steps[4].seconds',
        'steps[5].seconds',
        'steps[6].group_id',
        'steps[7]',
        'steps[8].type',
      ].sort(),
    );
    const message = (field: string) => details.find((d) => d.field === field)?.message;
    expect(message('steps[0].extra')).toBe('property steps[0].extra should not exist');
    expect(message('steps[0].channel_id')).toBe('steps[0].channel_id must be a UUID');
    expect(message('steps[1].type')).toMatch(/^steps\[1\]\.type must be one of send_email, send_whatsapp/);
    expect(message('steps[2]')).toBe('steps[2] must be an object');
    expect(message('steps[3].seconds')).toBe('steps[3].seconds must be a whole number of seconds from 1 to 7776000 (90 days)');
  });

  it('accepts a wait of exactly 90 days', async () => {
    expect(await fields([{ type: 'wait', seconds: 90 * 24 * 3600 }])).toEqual([]);
  });

  it('refuses templates that do not parse, wherever they are', async () => {
    const { details } = await check([
      { type: 'send_sms', channel_id: CHANNEL, body: 'Hi {{ first_name | shout }}' },
      { type: 'http_request', url: 'https://x.example.com', body: { deep: { list: ['{% if %}'] } }, headers: { 'x-a': '{{ a }' } },
      { type: 'update_contact', fields: { custom_fields: { plan: '{{ plan' } } },
    ]);
    expect(details.map((d) => d.field)).toEqual(['steps[0].body', 'steps[1].body', 'steps[1].headers', 'steps[2].fields.custom_fields']);
    expect(details[0].message).toMatch(/^steps\[0\]\.body is not a valid template: undefined filter: shout/);
    expect(details[1].message).toMatch(/^steps\[1\]\.body: deep\.list\[0\] is not a valid template/);
    expect(details[2].message).toMatch(/^steps\[1\]\.headers: x-a is not a valid template/);
    expect(details[3].message).toMatch(/^steps\[2\]\.fields\.custom_fields: plan is not a valid template/);
  });

  it('applies the URL rules and header rules to http_request', async () => {
    const { details } = await check([
      { type: 'http_request', url: 'ftp://example.com/x' },
      { type: 'http_request', url: 'https://user:pw@example.com/' },
      { type: 'http_request', url: 'https://example.com/', headers: { 'Content-Type': 'text/plain', 'webhook-id': 'x', 'bad name': 'v', 'x-ok': 'line\nbreak' } },
      { type: 'http_request', url: 'https://example.com/', body: 42 },
      { type: 'http_request', url: 'https://example.com/', headers: { 'X-A': '1', 'x-a': '2' } },
    ]);
    expect(details.map((d) => d.field)).toEqual(['steps[0].url', 'steps[1].url', 'steps[2].headers', 'steps[3].body', 'steps[4].headers']);
    expect(details[0].message).toBe('steps[0].url must use http or https, not ftp');
    expect(details[2].message).toBe(
      'steps[2].headers: Content-Type is set by the hub; webhook-id is set by the hub; bad name is not a valid header name; x-ok must be a string of at most 2000 characters without line breaks',
    );
    expect(details[4].message).toMatch(/x-a is repeated/);
  });

  it('checks update_contact fields', async () => {
    expect(
      await fields([
        { type: 'update_contact', fields: {} },
        { type: 'update_contact', fields: { email: 'x@example.com' } },
        { type: 'update_contact', fields: { custom_fields: { nested: { a: 1 } } } },
        { type: 'update_contact' },
      ]),
    ).toEqual(['steps[0].fields', 'steps[1].fields.email', 'steps[2].fields.custom_fields', 'steps[3].fields']);
  });

  it('stores header names lower-cased', async () => {
    const { dto } = await check([{ type: 'http_request', url: 'https://example.com/', headers: { 'X-Api-Key': 'k' } }]);
    const { toWorkflowStep } = await import('./workflow-step.dto');
    expect(dto?.steps.map(toWorkflowStep)).toEqual([{ type: 'http_request', url: 'https://example.com/', headers: { 'x-api-key': 'k' } }]);
  });

  it('a PATCH checks steps the same way, and reports the body’s own fields first', async () => {
    expect((await check([{ type: 'wait' }], UpdateWorkflowDto)).details.map((d) => d.field)).toEqual(['steps[0].seconds']);
    const both = await pipe.transform({ name: null, steps: [{ type: 'wait' }] }, { type: 'body', metatype: UpdateWorkflowDto }).catch((error: BadRequestException) => error.getResponse());
    expect((both as { details: ErrorDetail[] }).details.map((d) => d.field)).toEqual(['name']);
    expect(await pipe.transform({}, { type: 'body', metatype: UpdateWorkflowDto })).toEqual({});
  });
});
