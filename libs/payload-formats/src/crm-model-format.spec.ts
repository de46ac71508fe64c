import { renderPayload } from './payload-formats';
import type { FormatEvent } from './payload-format';

const at = new Date('2026-11-22T12:35:01.000Z');
const event = (type: string, data: Record<string, unknown>): FormatEvent => ({ id: 'evt_1', type, created_at: at, account_id: 'acc', channel: null, channel_id: null, data });
const contact = {
  id: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d',
  email: 'maria.gonzalez@example.com',
  phone: '+34612345678',
  first_name: 'María',
  last_name: 'González',
  custom_fields: { plan: 'pro' },
  status_id: 'b2e4c6a8-1d3f-4e5a-8b7c-9d0e1f2a3b4c',
  source_id: null,
  created_at: '2026-11-20T08:00:00.000Z',
  updated_at: '2026-11-22T12:35:01.000Z',
};
const attributes = {
  id: contact.id,
  firstname: 'María',
  lastname: 'González',
  phone: '+34612345678',
  email: 'maria.gonzalez@example.com',
  type: 'lead',
  status_id: contact.status_id,
  source_id: null,
  custom_fields: { plan: 'pro' },
  created_at: contact.created_at,
  updated_at: contact.updated_at,
};

describe('crm_model format', () => {
  it.each([
    ['contact.created', contact, { event: 'created', model: 'App\\Models\\Tenant\\Contact', data: { id: contact.id, attributes, relations: {} }, original: null, timestamp: '2026-11-22T12:35:01+00:00' }],
    [
      'contact.updated',
      { ...contact, changed: ['last_name', 'custom_fields.plan'], previous: { last_name: 'Gonzales', 'custom_fields.plan': 'free' } },
      {
        event: 'updated',
        model: 'App\\Models\\Tenant\\Contact',
        data: { id: contact.id, attributes, relations: {} },
        original: { ...attributes, lastname: 'Gonzales', custom_fields: { plan: 'free' } },
        timestamp: '2026-11-22T12:35:01+00:00',
      },
    ],
    ['contact.deleted', { id: contact.id, email: contact.email, phone: null }, { event: 'deleted', model: 'App\\Models\\Tenant\\Contact', original: null }],
    ['contact_status.updated', { id: 's1', name: 'Qualified', previous: { name: 'Warm' } }, { event: 'updated', model: 'App\\Models\\Tenant\\Status', data: { id: 's1', attributes: { id: 's1', name: 'Qualified', created_at: null, updated_at: null }, relations: {} }, original: { id: 's1', name: 'Warm', created_at: null, updated_at: null } }],
    ['contact_source.created', { id: 'src1', name: 'Facebook Lead Ads' }, { event: 'created', model: 'App\\Models\\Tenant\\Source', data: { id: 'src1', attributes: { id: 'src1', name: 'Facebook Lead Ads', created_at: null, updated_at: null }, relations: {} }, original: null }],
  ])('%s', (type, data, expected) => {
    const rendered = renderPayload('crm_model', event(type, data));
    expect(rendered.format).toBe('crm_model');
    expect(JSON.parse(rendered.body)).toMatchObject(expected);
  });

  it('sends other events in the standard envelope, saying so', () => {
    const rendered = renderPayload('crm_model', event('workflow.completed', { workflow_id: 'w' }));
    expect(rendered.format).toBe('standard');
    expect(JSON.parse(rendered.body)).toEqual({ id: 'evt_1', type: 'workflow.completed', timestamp: at.toISOString(), account_id: 'acc', channel: null, channel_id: null, data: { workflow_id: 'w' } });
  });
});
