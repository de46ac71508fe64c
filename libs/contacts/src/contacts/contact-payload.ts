import { Contact } from './contact.entity';

/** The contact as the event catalog describes it (`contact.created` / `contact.updated` data). */
export interface ContactPayload {
  id: string;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  custom_fields: Record<string, unknown>;
  status_id: string | null;
  source_id: string | null;
  email_undeliverable: boolean;
  phone_undeliverable: boolean;
  created_at: string;
  updated_at: string;
}

export function toContactPayload(contact: Contact): ContactPayload {
  return {
    id: contact.id,
    email: contact.email,
    phone: contact.phone,
    first_name: contact.first_name,
    last_name: contact.last_name,
    custom_fields: contact.custom_fields ?? {},
    status_id: contact.status_id,
    source_id: contact.source_id,
    email_undeliverable: contact.email_undeliverable,
    phone_undeliverable: contact.phone_undeliverable,
    created_at: contact.created_at.toISOString(),
    updated_at: contact.updated_at.toISOString(),
  };
}

/** The API shape: the event shape plus the global unsubscribe time. */
export function toContactResponse(contact: Contact): ContactPayload & { unsubscribed_at: string | null } {
  return { ...toContactPayload(contact), unsubscribed_at: contact.unsubscribed_at ? contact.unsubscribed_at.toISOString() : null };
}
