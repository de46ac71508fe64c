import { z } from 'zod';
import { LIMITS } from '../../api/limits';
import type { CreateLeadSourceRequest, LeadProvider, LeadSource, UpdateLeadSourceRequest } from '../../api/types';

export const PROVIDER_LABELS: Record<LeadProvider, string> = {
  meta: 'Meta lead ads',
  google: 'Google Ads lead forms',
};

/** Contact fields a lead answer can fill; `custom` stands for a custom field named in the row. */
export const CONTACT_TARGETS = ['email', 'phone', 'first_name', 'last_name', 'full_name'] as const;
export type ContactTarget = (typeof CONTACT_TARGETS)[number];
export type MappingTarget = ContactTarget | 'custom';

export const TARGET_LABELS: Record<MappingTarget, string> = {
  email: 'Email',
  phone: 'Phone',
  first_name: 'First name',
  last_name: 'Last name',
  full_name: 'Full name (split into first and last)',
  custom: 'Custom field named…',
};

/** One line of the mapping editor: a provider's field and what it fills. */
export interface MappingRow {
  field: string;
  target: MappingTarget;
  /** The custom field's name when target is `custom`. */
  custom: string;
}

export interface LeadSourceValues {
  provider: LeadProvider;
  name: string;
  page_id: string;
  /** Write-only secrets: empty on edit keeps what is stored. */
  verify_token: string;
  app_secret: string;
  page_access_token: string;
  google_key: string;
  use_default_mapping: boolean;
  mapping: MappingRow[];
  /** '' enrols into no workflow. */
  workflow_id: string;
}

const isContactTarget = (target: string): target is ContactTarget => (CONTACT_TARGETS as readonly string[]).includes(target);

/** `{providerField: target}` as editor rows, in the object's order. */
export function mappingToRows(mapping: Record<string, string>): MappingRow[] {
  return Object.entries(mapping).map(([field, target]) =>
    isContactTarget(target) ? { field, target, custom: '' } : { field, target: 'custom', custom: target },
  );
}

/** Editor rows as `{providerField: target}`, names trimmed; rows without a field name are left out. */
export function rowsToMapping(rows: readonly MappingRow[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const row of rows) {
    const field = row.field.trim();
    if (!field) continue;
    mapping[field] = row.target === 'custom' ? row.custom.trim() : row.target;
  }
  return mapping;
}

export function leadSourceValues(provider: LeadProvider, source?: LeadSource): LeadSourceValues {
  return {
    provider: source?.provider ?? provider,
    name: source?.name ?? '',
    page_id: source?.page_id ?? '',
    verify_token: '',
    app_secret: '',
    page_access_token: '',
    google_key: '',
    use_default_mapping: source?.default_field_mapping ?? true,
    // A new source shows its defaults only once the API has them; the editor starts with one empty row.
    mapping: source ? mappingToRows(source.field_mapping) : [{ field: '', target: 'email', custom: '' }],
    workflow_id: source?.workflow_id ?? '',
  };
}

/** A random secret for Meta's verify token or Google's key: 32 hex digits after a readable prefix. */
export function generateSecret(prefix: 'vt_' | 'gk_', random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const limits = LIMITS.CreateLeadSourceDto;
type Secret = 'verify_token' | 'app_secret' | 'page_access_token' | 'google_key';
const SECRET_WORDS: Record<Secret, string> = {
  verify_token: 'verify token',
  app_secret: 'app secret',
  page_access_token: 'page access token',
  google_key: 'key',
};
const PROVIDER_SECRETS: Record<LeadProvider, Secret[]> = {
  meta: ['verify_token', 'app_secret', 'page_access_token'],
  google: ['google_key'],
};

/**
 * The form's rules. Lengths come from the API's DTOs (api/limits.ts); what the
 * API alone knows (a page id that is not numeric, a Google key in use) comes
 * back as a 400 or 409 naming the field and is shown beside it.
 */
export function leadSourceSchema(existing?: LeadSource) {
  return z
    .object({
      provider: z.enum(['meta', 'google']),
      name: z.string().trim().min(limits.name.minLength, 'Give the source a name').max(limits.name.maxLength, `Names are at most ${limits.name.maxLength} characters`),
      page_id: z.string(),
      verify_token: z.string(),
      app_secret: z.string(),
      page_access_token: z.string(),
      google_key: z.string(),
      use_default_mapping: z.boolean(),
      mapping: z.array(z.object({ field: z.string(), target: z.enum(['email', 'phone', 'first_name', 'last_name', 'full_name', 'custom']), custom: z.string() })),
      workflow_id: z.string(),
    })
    .superRefine((v, ctx) => {
      if (v.provider === 'meta' && !v.page_id.trim()) ctx.addIssue({ code: 'custom', path: ['page_id'], message: 'Enter the id of the Facebook page' });
      for (const secret of PROVIDER_SECRETS[v.provider]) {
        const value = v[secret].trim();
        const { minLength, maxLength } = limits[secret];
        if (!value) {
          if (!existing) ctx.addIssue({ code: 'custom', path: [secret], message: `Enter the ${SECRET_WORDS[secret]}` });
        } else if (value.length < minLength || value.length > maxLength) {
          ctx.addIssue({ code: 'custom', path: [secret], message: `The ${SECRET_WORDS[secret]} is ${minLength} to ${maxLength} characters` });
        }
      }
      if (v.use_default_mapping) return;
      const named = v.mapping.filter((row) => row.field.trim());
      if (named.length === 0) ctx.addIssue({ code: 'custom', path: ['mapping'], message: 'Map at least one field, or use the defaults' });
      const seen = new Set<string>();
      v.mapping.forEach((row, index) => {
        const field = row.field.trim();
        if (!field) {
          if (row.target === 'custom' && row.custom.trim()) ctx.addIssue({ code: 'custom', path: ['mapping', index, 'field'], message: 'Enter the field’s name in the form' });
          return;
        }
        if (seen.has(field)) ctx.addIssue({ code: 'custom', path: ['mapping', index, 'field'], message: `“${field}” is mapped twice` });
        seen.add(field);
        if (row.target === 'custom' && !row.custom.trim()) ctx.addIssue({ code: 'custom', path: ['mapping', index, 'custom'], message: 'Name the custom field' });
      });
    });
}

/** The provider's secrets as typed (trimmed), only those typed. */
function typedSecrets(v: LeadSourceValues): Partial<Record<Secret, string>> {
  const secrets: Partial<Record<Secret, string>> = {};
  for (const secret of PROVIDER_SECRETS[v.provider]) if (v[secret].trim()) secrets[secret] = v[secret].trim();
  return secrets;
}

/** The POST body: only the chosen provider's fields; no mapping while the defaults are chosen. */
export function toCreate(v: LeadSourceValues): CreateLeadSourceRequest {
  const body: CreateLeadSourceRequest = { provider: v.provider, name: v.name.trim() };
  if (v.provider === 'meta') body.page_id = v.page_id.trim();
  Object.assign(body, typedSecrets(v));
  if (!v.use_default_mapping) body.field_mapping = rowsToMapping(v.mapping);
  if (v.workflow_id) body.workflow_id = v.workflow_id;
  return body;
}

/**
 * The PATCH body: a secret left empty is omitted (the stored one stays);
 * choosing the defaults again sends `field_mapping: null`.
 */
export function toUpdate(v: LeadSourceValues, existing: LeadSource): UpdateLeadSourceRequest {
  const body: UpdateLeadSourceRequest = { name: v.name.trim(), workflow_id: v.workflow_id || null };
  if (existing.provider === 'meta') body.page_id = v.page_id.trim();
  Object.assign(body, typedSecrets({ ...v, provider: existing.provider }));
  if (!v.use_default_mapping) body.field_mapping = rowsToMapping(v.mapping);
  else if (!existing.default_field_mapping) body.field_mapping = null;
  return body;
}

/** The values to paste at the provider that were just saved (the hub never shows them again). */
export function pastedSecrets(body: CreateLeadSourceRequest | UpdateLeadSourceRequest): { verify_token?: string; google_key?: string } {
  const shown: { verify_token?: string; google_key?: string } = {};
  if (body.verify_token) shown.verify_token = body.verify_token;
  if (body.google_key) shown.google_key = body.google_key;
  return shown;
}
