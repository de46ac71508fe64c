import { TemplateEngine } from '../templates/template-engine';
import { parseSteps } from './step-rules';

const CHANNEL = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const GROUP = '7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d';
const templates = new TemplateEngine();
const parse = (steps: unknown) => parseSteps(steps, templates);
const fields = (steps: unknown) => parse(steps).problems.map((p) => p.field);

describe('parseSteps', () => {
  it('accepts every step type and normalises header names', () => {
    const { steps, problems } = parse([
      { type: 'send_email', channel_id: CHANNEL, subject: 'Hi {{ first_name }}', body: '<p>{{ link_unsubscribe }}</p>' },
      { type: 'send_whatsapp', channel_id: CHANNEL, body: 'Hola {{ first_name }}' },
      { type: 'send_sms', channel_id: CHANNEL, body: 'Code {{ code }}' },
      { type: 'wait', seconds: 1 },
      { type: 'http_request', url: 'https://crm.example.com/hook', body: { name: '{{ first_name }}', tags: ['{{ plan }}', 3] }, headers: { 'X-Api-Key': 'k-{{ plan }}' } },
      { type: 'http_request', url: 'http://example.com/raw', body: '{"email": {{ email | json }}}' },
      { type: 'update_contact', fields: { first_name: '{{ first_name | capitalize }}', custom_fields: { stage: 'won', score: 3, vip: true, old: null } } },
      { type: 'add_to_group', group_id: GROUP },
    ]);
    expect(problems).toEqual([]);
    expect(steps).toHaveLength(8);
    expect(steps[4]).toEqual({ type: 'http_request', url: 'https://crm.example.com/hook', body: { name: '{{ first_name }}', tags: ['{{ plan }}', 3] }, headers: { 'x-api-key': 'k-{{ plan }}' } });
  });

  it('refuses a list that is not one or too long; an empty one is a capture-only workflow', () => {
    expect(fields('nope')).toEqual(['steps']);
    expect(fields([])).toEqual([]);
    expect(fields(Array.from({ length: 51 }, () => ({ type: 'wait', seconds: 5 })))).toEqual(['steps']);
  });

  it('names each bad field as steps[i].field', () => {
    const problems = parse([
      { type: 'send_email', channel_id: 'not-a-uuid', subject: '', body: 'ok', extra: 1 },
      { type: 'teleport' },
      'wait',
      { type: 'wait', seconds: 0 },
      { type: 'wait', seconds: 90 * 24 * 3600 + 1 },
      { type: 'wait', seconds: 1.5 },
      { type: 'add_to_group' },
    ]).problems;
    expect(problems.map((p) => p.field)).toEqual([
      'steps[0].extra',
      'steps[0].channel_id',
      'steps[0].subject',
      'steps[1].type',
      'steps[2]',
      'steps[3].seconds',
      'steps[4].seconds',
      'steps[5].seconds',
      'steps[6].group_id',
    ]);
    expect(problems[0].message).toBe('steps[0].extra is not a field of a send_email step');
    expect(problems[3].message).toMatch(/^steps\[1\]\.type must be one of send_email, send_whatsapp/);
  });

  it('accepts a wait of exactly 90 days', () => {
    expect(fields([{ type: 'wait', seconds: 90 * 24 * 3600 }])).toEqual([]);
  });

  it('refuses templates that do not parse, wherever they are', () => {
    const problems = parse([
      { type: 'send_sms', channel_id: CHANNEL, body: 'Hi {{ first_name | shout }}' },
      { type: 'http_request', url: 'https://x.example.com', body: { deep: { list: ['{% if %}'] } }, headers: { 'x-a': '{{ a }' } },
      { type: 'update_contact', fields: { custom_fields: { plan: '{{ plan' } } },
    ]).problems;
    expect(problems.map((p) => p.field)).toEqual(['steps[0].body', 'steps[1].body.deep.list[0]', 'steps[1].headers.x-a', 'steps[2].fields.custom_fields.plan']);
    expect(problems[0].message).toMatch(/^steps\[0\]\.body is not a valid template: undefined filter: shout/);
  });

  it('applies the URL rules and header rules to http_request', () => {
    expect(
      fields([
        { type: 'http_request', url: 'ftp://example.com/x' },
        { type: 'http_request', url: 'https://user:pw@example.com/' },
        { type: 'http_request', url: 'https://example.com/', headers: { 'Content-Type': 'text/plain', 'webhook-id': 'x', 'bad name': 'v', 'x-ok': 'line\nbreak' } },
        { type: 'http_request', url: 'https://example.com/', body: 42 },
      ]),
    ).toEqual(['steps[0].url', 'steps[1].url', 'steps[2].headers.Content-Type', 'steps[2].headers.webhook-id', 'steps[2].headers.bad name', 'steps[2].headers.x-ok', 'steps[3].body']);
  });

  it('checks update_contact fields', () => {
    expect(
      fields([
        { type: 'update_contact', fields: {} },
        { type: 'update_contact', fields: { email: 'x@example.com' } },
        { type: 'update_contact', fields: { custom_fields: { nested: { a: 1 } } } },
        { type: 'update_contact' },
      ]),
    ).toEqual(['steps[0].fields', 'steps[1].fields.email', 'steps[2].fields.custom_fields.nested', 'steps[3].fields']);
  });
});
