import { changedFields, ContactFields, mergeCustomFields } from './contact-changes';

const base: ContactFields = {
  email: 'maria@example.com',
  phone: '+34612345678',
  first_name: 'María',
  last_name: 'González',
  custom_fields: { company: 'Acme', plan: 'pro', tags: ['a', 'b'] },
  status_id: null,
  source_id: null,
  email_undeliverable: false,
  phone_undeliverable: false,
};

describe('changedFields', () => {
  it('is empty when nothing differs, even with fresh copies of nested values', () => {
    expect(changedFields(base, { ...base, custom_fields: { company: 'Acme', plan: 'pro', tags: ['a', 'b'] } })).toEqual([]);
  });

  it('names changed top-level fields', () => {
    expect(changedFields(base, { ...base, last_name: 'González Ruiz', status_id: 'b2e4c6a8-1d3f-4e5a-8b7c-9d0e1f2a3b4c', email_undeliverable: true })).toEqual([
      'last_name',
      'status_id',
      'email_undeliverable',
    ]);
  });

  it('names custom fields added, changed and removed as custom_fields.<name>', () => {
    const after = { ...base, custom_fields: { company: 'Acme', plan: 'enterprise', tags: ['a', 'b'], city: 'Madrid' } };
    expect(changedFields(base, after)).toEqual(['custom_fields.city', 'custom_fields.plan']);
    expect(changedFields(base, { ...base, custom_fields: { plan: 'pro', tags: ['a', 'b'] } })).toEqual(['custom_fields.company']);
  });

  it('sees a change inside a nested custom field value', () => {
    expect(changedFields(base, { ...base, custom_fields: { ...base.custom_fields, tags: ['a', 'c'] } })).toEqual(['custom_fields.tags']);
  });

  it('treats a cleared identifier as a change', () => {
    expect(changedFields(base, { ...base, phone: null })).toEqual(['phone']);
  });
});

describe('mergeCustomFields', () => {
  it('sets keys, removes keys set to null and keeps the rest', () => {
    expect(mergeCustomFields({ company: 'Acme', plan: 'pro' }, { plan: 'enterprise', company: null, city: 'Madrid' })).toEqual({
      plan: 'enterprise',
      city: 'Madrid',
    });
  });

  it('returns a copy and leaves the input untouched', () => {
    const current = { company: 'Acme' };
    const merged = mergeCustomFields(current, { company: null });
    expect(merged).toEqual({});
    expect(current).toEqual({ company: 'Acme' });
  });

  it('keeps everything when there is no patch', () => {
    expect(mergeCustomFields({ company: 'Acme' }, undefined)).toEqual({ company: 'Acme' });
  });
});
