import { isDeepStrictEqual } from 'node:util';

/** The fields of a contact that `contact.updated` reports on. */
export interface ContactFields {
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  custom_fields: Record<string, unknown>;
  status_id: string | null;
  source_id: string | null;
  email_undeliverable: boolean;
  phone_undeliverable: boolean;
}

const TOP_LEVEL: readonly (keyof Omit<ContactFields, 'custom_fields'>)[] = [
  'email',
  'phone',
  'first_name',
  'last_name',
  'status_id',
  'source_id',
  'email_undeliverable',
  'phone_undeliverable',
];

/**
 * Names of the fields that differ, for `contact.updated`'s `changed`: top-level
 * names, and `custom_fields.<name>` for each custom field added, changed or removed.
 * An empty list means nothing changed (and no event is published).
 */
export function changedFields(before: ContactFields, after: ContactFields): string[] {
  const changed: string[] = TOP_LEVEL.filter((field) => before[field] !== after[field]);
  const keys = new Set([...Object.keys(before.custom_fields), ...Object.keys(after.custom_fields)]);
  for (const key of [...keys].sort()) {
    if (!isDeepStrictEqual(before.custom_fields[key], after.custom_fields[key])) changed.push(`custom_fields.${key}`);
  }
  return changed;
}

/** Applies a custom-fields patch: keys are set, a key set to null is removed, absent keys are kept. */
export function mergeCustomFields(current: Record<string, unknown>, patch: Record<string, unknown> | undefined): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (value === null || value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** Names as stored: trimmed, blank meaning none. */
export function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value.trim();
}
