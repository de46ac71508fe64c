import { describe, expect, it } from 'vitest';
import type { Contact } from '../../api/types';
import { contactFieldFor, contactFormSchema, contactValues, toCreateContact, toUpdateContact } from './contactFormModel';

const contact: Contact = {
  id: 'c1',
  email: 'maria@example.com',
  phone: null,
  first_name: 'María',
  last_name: null,
  custom_fields: { plan: 'pro', seats: 5, vip: true, tags: ['a', 'b'] },
  status_id: null,
  source_id: 's1',
  email_undeliverable: false,
  phone_undeliverable: false,
  unsubscribed_at: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe('contact form', () => {
  it('round-trips custom fields of every kind', () => {
    const values = contactValues(contact);
    expect(values.custom_fields.map((row) => row.value)).toEqual(['pro', '5', 'true', '["a","b"]']);
    expect(toUpdateContact(values, contact).custom_fields).toEqual(contact.custom_fields);
  });

  it('sends a removed custom field as null (the API merges), and empty inputs as null', () => {
    const values = { ...contactValues(contact), custom_fields: contactValues(contact).custom_fields.slice(1), first_name: ' ' };
    expect(toUpdateContact(values, contact)).toMatchObject({
      first_name: null,
      custom_fields: { plan: null, seats: 5, vip: true, tags: ['a', 'b'] },
      source_id: 's1',
      status_id: null,
    });
  });

  it('creates without custom fields when none are given', () => {
    const body = toCreateContact({ ...contactValues(), phone: '+34 612 34 56 78' });
    expect(body).toEqual({ email: null, phone: '+34 612 34 56 78', first_name: null, last_name: null, status_id: null, source_id: null });
  });

  it('needs an email or a phone', () => {
    const result = contactFormSchema.safeParse(contactValues());
    expect(result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['email', 'Give an email address or a phone number'],
    ]);
  });

  it('places API field errors on their inputs', () => {
    const values = contactValues(contact);
    expect(contactFieldFor('email', values)).toBe('email');
    expect(contactFieldFor('custom_fields.seats', values)).toBe('custom_fields.1.value');
    expect(contactFieldFor('custom_fields.gone', values)).toBeNull();
  });
});
