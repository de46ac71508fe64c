import { FormatDefinition, isoWithOffset, str } from './payload-format';

const MODELS: Record<string, string> = {
  contact: 'App\\Models\\Tenant\\Contact',
  contact_status: 'App\\Models\\Tenant\\Status',
  contact_source: 'App\\Models\\Tenant\\Source',
};

type Attributes = Record<string, unknown>;

/** A contact in the CRM's column names. */
function contactAttributes(data: Record<string, unknown>): Attributes {
  const custom = (data.custom_fields ?? {}) as Record<string, unknown>;
  return {
    id: data.id,
    firstname: data.first_name ?? null,
    lastname: data.last_name ?? null,
    phone: data.phone ?? null,
    email: data.email ?? null,
    type: str(custom.type) ?? 'lead',
    status_id: data.status_id ?? null,
    source_id: data.source_id ?? null,
    custom_fields: custom,
    created_at: data.created_at ?? null,
    updated_at: data.updated_at ?? null,
  };
}

function lookupAttributes(data: Record<string, unknown>): Attributes {
  return { id: data.id, name: data.name ?? null, created_at: data.created_at ?? null, updated_at: data.updated_at ?? null };
}

const CONTACT_COLUMNS: Record<string, string> = { first_name: 'firstname', last_name: 'lastname' };

/**
 * CRM-record style (Laravel model events) for contact, contact status and
 * contact source events: `{event, model, data: {id, attributes, relations},
 * original, timestamp}`. `original` is the record before an update (the
 * changed fields' previous values over the current attributes), else null.
 */
export const CRM_MODEL_FORMAT: FormatDefinition = {
  name: 'crm_model',
  render: (event) => {
    const [kind, action] = event.type.split('.');
    const model = MODELS[kind];
    if (!model || !['created', 'updated', 'deleted'].includes(action)) return null;
    const attributes = kind === 'contact' ? contactAttributes(event.data) : lookupAttributes(event.data);
    let original: Attributes | null = null;
    const previous = event.data.previous as Record<string, unknown> | undefined;
    if (action === 'updated') {
      original = { ...attributes, ...(attributes.custom_fields ? { custom_fields: { ...(attributes.custom_fields as Attributes) } } : {}) };
      for (const [field, value] of Object.entries(previous ?? {})) {
        if (field.startsWith('custom_fields.')) (original.custom_fields as Attributes)[field.slice('custom_fields.'.length)] = value;
        else original[CONTACT_COLUMNS[field] ?? field] = value;
      }
    }
    return { event: action, model, data: { id: event.data.id, attributes, relations: {} }, original, timestamp: isoWithOffset(event.created_at) };
  },
};
