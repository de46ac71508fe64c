import { LeadProvider } from './lead-source.entity';

/** Contact fields a lead field can fill; any other target names a custom field. `full_name` is split into first and last. */
export const CONTACT_TARGETS = ['email', 'phone', 'first_name', 'last_name', 'full_name'] as const;

/** SPEC §4: what each provider's standard questions fill when the source names no mapping of its own. */
export const DEFAULT_FIELD_MAPPING: Record<LeadProvider, Record<string, string>> = {
  meta: { email: 'email', phone_number: 'phone', full_name: 'full_name', first_name: 'first_name', last_name: 'last_name' },
  google: { EMAIL: 'email', PHONE_NUMBER: 'phone', FULL_NAME: 'full_name', FIRST_NAME: 'first_name', LAST_NAME: 'last_name' },
};

export interface MappedLead {
  email?: string;
  phone?: string;
  first_name?: string;
  last_name?: string;
  custom_fields: Record<string, string>;
}

/**
 * A lead's answers as contact fields. The source's own mapping replaces the
 * defaults; every field it does not map is kept as a custom field under its
 * own name, so no answer is lost. An explicit first or last name wins over
 * one split from a full name.
 */
export function mapLeadFields(fields: Record<string, string>, provider: LeadProvider, mapping: Record<string, string> | null): MappedLead {
  const rules = mapping ?? DEFAULT_FIELD_MAPPING[provider];
  const mapped: MappedLead = { custom_fields: {} };
  let split: { first: string; last?: string } | undefined;
  for (const [name, raw] of Object.entries(fields)) {
    const value = raw.trim();
    if (value === '') continue;
    const target = rules[name] ?? name;
    if (target === 'full_name') split = splitFullName(value);
    else if (target === 'email' || target === 'phone' || target === 'first_name' || target === 'last_name') mapped[target] = value;
    else mapped.custom_fields[target] = value;
  }
  if (split) {
    mapped.first_name ??= split.first;
    if (split.last !== undefined) mapped.last_name ??= split.last;
  }
  return mapped;
}

/** "María José González López" → first "María", last "José González López": the form gives no rule, so the first word is the first name. */
export function splitFullName(full: string): { first: string; last?: string } {
  const [first, ...rest] = full.split(/\s+/);
  return rest.length ? { first, last: rest.join(' ') } : { first };
}
