import { describe, expect, it } from 'vitest';
import type { LeadSource } from '../../api/types';
import {
  generateSecret,
  leadSourceSchema,
  leadSourceValues,
  mappingToRows,
  rowsToMapping,
  toCreate,
  toUpdate,
  type LeadSourceValues,
} from './leadSourceFormModel';

const metaSource: LeadSource = {
  id: 's1',
  provider: 'meta',
  name: 'Spring page',
  page_id: '104857600123456',
  has_verify_token: true,
  has_app_secret: true,
  has_page_access_token: true,
  has_google_key: false,
  field_mapping: { email: 'email', phone_number: 'phone', full_name: 'full_name' },
  default_field_mapping: true,
  workflow_id: null,
  webhook_url: 'https://hub.example.com/api/webhook/meta-lead-ads',
  last_lead_at: null,
  last_error: null,
  last_error_at: null,
  created_at: '2026-12-01T08:00:00.000Z',
  updated_at: '2026-12-01T08:00:00.000Z',
};

const issuesOf = (values: LeadSourceValues, existing?: LeadSource) => {
  const result = leadSourceSchema(existing).safeParse(values);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('lead source form: request bodies per provider', () => {
  it('creates a Google source with its key only, even if Meta fields were typed', () => {
    const values = { ...leadSourceValues('google'), name: ' Demo requests ', google_key: ' gk_0123456789 ', page_id: '123', app_secret: 'typed by mistake' };
    expect(toCreate(values)).toEqual({ provider: 'google', name: 'Demo requests', google_key: 'gk_0123456789' });
  });

  it('creates a Meta source with its page and three secrets, a custom mapping and a workflow', () => {
    const values: LeadSourceValues = {
      ...leadSourceValues('meta'),
      name: 'Spring page',
      page_id: ' 104857600123456 ',
      verify_token: 'vt_abcdefgh',
      app_secret: 'app-secret-1',
      page_access_token: 'EAAG'.padEnd(24, 'x'),
      google_key: 'not for meta',
      use_default_mapping: false,
      mapping: [
        { field: 'email', target: 'email', custom: '' },
        { field: 'preferred_city', target: 'custom', custom: ' city ' },
        { field: '  ', target: 'phone', custom: '' },
      ],
      workflow_id: 'wf-1',
    };
    expect(toCreate(values)).toEqual({
      provider: 'meta',
      name: 'Spring page',
      page_id: '104857600123456',
      verify_token: 'vt_abcdefgh',
      app_secret: 'app-secret-1',
      page_access_token: 'EAAG'.padEnd(24, 'x'),
      field_mapping: { email: 'email', preferred_city: 'city' },
      workflow_id: 'wf-1',
    });
  });

  it('on create, asks for every secret of the provider and checks the API’s lengths', () => {
    expect(issuesOf({ ...leadSourceValues('meta'), name: 'P', verify_token: 'short' })).toEqual([
      'page_id: Enter the id of the Facebook page',
      'verify_token: The verify token is 8 to 200 characters',
      'app_secret: Enter the app secret',
      'page_access_token: Enter the page access token',
    ]);
    expect(issuesOf({ ...leadSourceValues('google'), name: 'G' })).toEqual(['google_key: Enter the key']);
  });
});

describe('lead source form: editing', () => {
  it('PATCH omits secrets left empty, so the stored ones stay', () => {
    const values = leadSourceValues('google', metaSource);
    expect(issuesOf(values, metaSource)).toEqual([]);
    expect(toUpdate(values, metaSource)).toEqual({ name: 'Spring page', page_id: '104857600123456', workflow_id: null });
  });

  it('PATCH sends only the secret that was replaced', () => {
    const values = { ...leadSourceValues('meta', metaSource), app_secret: 'new-app-secret' };
    expect(toUpdate(values, metaSource)).toEqual({ name: 'Spring page', page_id: '104857600123456', workflow_id: null, app_secret: 'new-app-secret' });
  });

  it('sends the edited mapping, and null to go back to the defaults', () => {
    const values = leadSourceValues('meta', metaSource);
    expect(values.use_default_mapping).toBe(true);
    expect(values.mapping).toEqual([
      { field: 'email', target: 'email', custom: '' },
      { field: 'phone_number', target: 'phone', custom: '' },
      { field: 'full_name', target: 'full_name', custom: '' },
    ]);
    expect(toUpdate({ ...values, use_default_mapping: false }, metaSource).field_mapping).toEqual(metaSource.field_mapping);
    const custom = { ...metaSource, default_field_mapping: false, field_mapping: { email: 'email', city: 'home_city' } };
    expect(toUpdate(leadSourceValues('meta', custom), custom).field_mapping).toEqual({ email: 'email', city: 'home_city' });
    expect(toUpdate({ ...leadSourceValues('meta', custom), use_default_mapping: true }, custom).field_mapping).toBeNull();
    expect('field_mapping' in toUpdate(values, metaSource)).toBe(false);
  });
});

describe('field mapping rows', () => {
  it('round-trips contact fields and custom field names', () => {
    const mapping = { EMAIL: 'email', FULL_NAME: 'full_name', COMPANY_NAME: 'company' };
    const rows = mappingToRows(mapping);
    expect(rows).toEqual([
      { field: 'EMAIL', target: 'email', custom: '' },
      { field: 'FULL_NAME', target: 'full_name', custom: '' },
      { field: 'COMPANY_NAME', target: 'custom', custom: 'company' },
    ]);
    expect(rowsToMapping(rows)).toEqual(mapping);
  });

  it('refuses a field mapped twice, an unnamed custom field and an empty mapping', () => {
    const base = { ...leadSourceValues('google'), name: 'G', google_key: 'gk_12345678', use_default_mapping: false };
    expect(
      issuesOf({
        ...base,
        mapping: [
          { field: 'EMAIL', target: 'email', custom: '' },
          { field: ' EMAIL', target: 'phone', custom: '' },
          { field: 'CITY', target: 'custom', custom: ' ' },
        ],
      }),
    ).toEqual(['mapping.1.field: “EMAIL” is mapped twice', 'mapping.2.custom: Name the custom field']);
    expect(issuesOf({ ...base, mapping: [{ field: '', target: 'email', custom: '' }] })).toEqual(['mapping: Map at least one field, or use the defaults']);
  });
});

describe('generateSecret', () => {
  it('makes a prefixed 32-hex-digit secret from random bytes, within the API’s 8–200 characters', () => {
    expect(generateSecret('vt_', (bytes) => bytes.fill(0xab))).toBe(`vt_${'ab'.repeat(16)}`);
    const a = generateSecret('gk_');
    expect(a).toMatch(/^gk_[0-9a-f]{32}$/);
    expect(generateSecret('gk_')).not.toBe(a);
  });
});
