import { Column, Entity, Index } from 'typeorm';
import { AccountOwnedEntity } from '@hub/database';

export type EndpointDisabledReason = 'gone' | 'failing' | 'manual';
import type { PayloadFormat } from '@hub/payload-formats';

export type { PayloadFormat };

/**
 * A subscriber: a common URL and/or one URL per event type, scoped to the whole
 * account (channel_id null) or to one channel. Secrets are stored encrypted.
 */
@Entity('endpoints')
@Index('endpoints_account_enabled_idx', ['account_id', 'enabled'])
export class Endpoint extends AccountOwnedEntity {
  /** The common URL for every subscribed event that has no URL of its own. */
  @Column('text', { nullable: true })
  url!: string | null;

  @Column('text', { nullable: true })
  description!: string | null;

  /** Empty: every event type. */
  @Column('text', { array: true, default: () => "'{}'" })
  event_types!: string[];

  /** A separate URL per event type (these types are subscribed even when not in event_types). */
  @Column('jsonb', { default: () => "'{}'" })
  event_urls!: Record<string, string>;

  @Column('uuid', { nullable: true })
  channel_id!: string | null;

  @Column('text', { nullable: true })
  bearer_token_encrypted!: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  headers!: Record<string, string>;

  @Column('int', { nullable: true })
  timeout_ms!: number | null;

  @Column('boolean', { default: true })
  enabled!: boolean;

  @Column('text', { nullable: true })
  disabled_reason!: EndpointDisabledReason | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  disabled_at!: Date | null;

  /** Start of the current run of failed attempts; null after any success. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  failing_since!: Date | null;

  /** When the account's admins were emailed that this failing streak passed ENDPOINT_FAILING_ALERT_SECONDS; null again with failing_since. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  failing_notified_at!: Date | null;

  /** When the account's admins were emailed that the hub disabled this endpoint; null again once it is enabled. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  disabled_notified_at!: Date | null;

  @Column('text', { default: 'standard' })
  payload_format!: PayloadFormat;

  @Column('text')
  secret_encrypted!: string;

  /** After a rotation the old secret keeps signing too until previous_secret_expires_at. */
  @Column('text', { nullable: true })
  previous_secret_encrypted!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  previous_secret_expires_at!: Date | null;
}
