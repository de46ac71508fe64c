import { z } from 'zod';
import type { Contact, CreateContactRequest, UpdateContactRequest } from '../../api/types';
import { customFieldProblems, customFieldRecord, customFieldRows, type CustomFieldRow } from '../../ui/customFields';

export interface ContactFormValues {
  email: string;
  phone: string;
  first_name: string;
  last_name: string;
  status_id: string;
  source_id: string;
  custom_fields: CustomFieldRow[];
  email_undeliverable: boolean;
  phone_undeliverable: boolean;
}

export function contactValues(contact?: Contact): ContactFormValues {
  return {
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    first_name: contact?.first_name ?? '',
    last_name: contact?.last_name ?? '',
    status_id: contact?.status_id ?? '',
    source_id: contact?.source_id ?? '',
    custom_fields: customFieldRows(contact?.custom_fields),
    email_undeliverable: contact?.email_undeliverable ?? false,
    phone_undeliverable: contact?.phone_undeliverable ?? false,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const contactFormSchema = z
  .object({
    email: z.string().trim().max(320, 'Emails are at most 320 characters'),
    phone: z.string().trim().max(40, 'Phone numbers are at most 40 characters'),
    first_name: z.string().max(200, 'At most 200 characters'),
    last_name: z.string().max(200, 'At most 200 characters'),
    status_id: z.string(),
    source_id: z.string(),
    custom_fields: z.array(z.object({ name: z.string(), value: z.string(), kind: z.enum(['text', 'number', 'boolean', 'json', 'null']) })),
    email_undeliverable: z.boolean(),
    phone_undeliverable: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (!v.email && !v.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Give an email address or a phone number' });
    if (v.email && !EMAIL.test(v.email)) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Enter an email address like maria@example.com' });
    if (v.phone && !/^\+?[\d\s().-]{6,}$/.test(v.phone)) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter the number in international format, like +34 612 34 56 78' });
    for (const { index, part, message } of customFieldProblems(v.custom_fields)) ctx.addIssue({ code: 'custom', path: ['custom_fields', index, part], message });
  });

const orNull = (value: string) => value.trim() || null;

export function toCreateContact(v: ContactFormValues): CreateContactRequest {
  const custom = customFieldRecord(v.custom_fields);
  return {
    email: orNull(v.email),
    phone: orNull(v.phone),
    first_name: orNull(v.first_name),
    last_name: orNull(v.last_name),
    status_id: v.status_id || null,
    source_id: v.source_id || null,
    ...(Object.keys(custom).length > 0 ? { custom_fields: custom } : {}),
  };
}

/** The PATCH body: custom fields are merged by the API, so a field removed from the form is sent as null. */
export function toUpdateContact(v: ContactFormValues, contact: Contact): UpdateContactRequest {
  const custom: Record<string, unknown> = customFieldRecord(v.custom_fields);
  for (const key of Object.keys(contact.custom_fields)) if (!(key in custom)) custom[key] = null;
  return {
    email: orNull(v.email),
    phone: orNull(v.phone),
    first_name: orNull(v.first_name),
    last_name: orNull(v.last_name),
    status_id: v.status_id || null,
    source_id: v.source_id || null,
    custom_fields: custom,
    email_undeliverable: v.email_undeliverable,
    phone_undeliverable: v.phone_undeliverable,
  };
}

/** The form input of an API field: `custom_fields.plan` is that row's value. */
export function contactFieldFor(apiField: string, values: ContactFormValues): string | null {
  if (['email', 'phone', 'first_name', 'last_name', 'status_id', 'source_id'].includes(apiField)) return apiField;
  if (apiField.startsWith('custom_fields.')) {
    const name = apiField.slice('custom_fields.'.length);
    const index = values.custom_fields.findIndex((row) => row.name.trim() === name);
    return index >= 0 ? `custom_fields.${index}.value` : null;
  }
  return null;
}

export function fullName(contact: Pick<Contact, 'first_name' | 'last_name'>): string {
  return [contact.first_name, contact.last_name].filter(Boolean).join(' ');
}
