import { DEFAULT_FIELD_MAPPING } from './field-mapping';
import { LeadSourceDto } from './dto/lead-source.dto';
import { LeadSource } from './lead-source.entity';

const ROUTES = { meta: 'meta-lead-ads', google: 'google-ads-lead' } as const;

/** Where a provider posts its leads: one URL per provider, the request itself names the source. */
export function leadWebhookUrl(publicUrl: string, provider: LeadSource['provider']): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/webhook/${ROUTES[provider]}`;
}

/** The API view, field by field (never a spread of the entity), so secrets and account_id cannot leak when columns are added. */
export function toLeadSourceDto(source: LeadSource, publicUrl: string): LeadSourceDto {
  return {
    id: source.id,
    provider: source.provider,
    name: source.name,
    page_id: source.page_id,
    has_verify_token: source.verify_token_hash !== null,
    has_app_secret: Boolean(source.secrets?.app_secret),
    has_page_access_token: Boolean(source.secrets?.page_access_token),
    has_google_key: source.google_key_hash !== null,
    field_mapping: source.field_mapping ?? DEFAULT_FIELD_MAPPING[source.provider],
    default_field_mapping: source.field_mapping === null,
    workflow_id: source.workflow_id,
    webhook_url: leadWebhookUrl(publicUrl, source.provider),
    last_lead_at: source.last_lead_at,
    last_error: source.last_error,
    last_error_at: source.last_error_at,
    created_at: source.created_at,
    updated_at: source.updated_at,
  };
}
