import { Check, Column, Entity, Index } from 'typeorm';
import { AccountOwnedEntity } from '@hub/database';

export const LEAD_PROVIDERS = ['meta', 'google'] as const;
export type LeadProvider = (typeof LEAD_PROVIDERS)[number];

export const GOOGLE_KEY_INDEX = 'lead_sources_google_key_hash_key';

/** Encrypted (SecretBox) values, read only through LeadSourceSecrets: Meta's app secret (signatures) and page access token (Graph API). */
export interface EncryptedLeadSourceSecrets {
  app_secret?: string;
  page_access_token?: string;
}

/**
 * Where an account's leads come from: a Meta page (lead ads) or Google Ads
 * lead forms. The public routes carry no id of ours, so a request finds its
 * source by what it carries: Meta by page id (then the app secret must sign
 * it), the handshake by verify token, Google by its key. The last two are
 * only ever compared, so they are stored as keyed hashes, never decryptable.
 */
@Entity('lead_sources')
@Check('"provider" IN (\'meta\', \'google\')')
export class LeadSource extends AccountOwnedEntity {
  @Column('text')
  provider!: LeadProvider;

  @Column('text')
  name!: string;

  /** Meta page id: a string, as Meta's ids pass 2^53. */
  @Index()
  @Column({ type: 'text', nullable: true })
  page_id!: string | null;

  @Index()
  @Column({ type: 'text', nullable: true })
  verify_token_hash!: string | null;

  /** Unique: Google's requests name no source but by this key. */
  @Index(GOOGLE_KEY_INDEX, { unique: true })
  @Column({ type: 'text', nullable: true })
  google_key_hash!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  secrets!: EncryptedLeadSourceSecrets;

  /** Provider field name → contact field (`email`, `phone`, `first_name`, `last_name`, `full_name`) or a custom field name; null: the provider's defaults. */
  @Column({ type: 'jsonb', nullable: true })
  field_mapping!: Record<string, string> | null;

  @Column({ type: 'uuid', nullable: true })
  workflow_id!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  last_lead_at!: Date | null;

  /** Why the last lead could not be fetched or stored (an expired page token, a deleted lead), until one succeeds. */
  @Column({ type: 'text', nullable: true })
  last_error!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  last_error_at!: Date | null;
}
