import { Check, Column, Entity, Index } from 'typeorm';
import { AccountOwnedEntity } from '@hub/database';
import type { LeadProvider } from '../sources/lead-source.entity';

export type LeadStatus = 'pending' | 'captured' | 'failed';

export const LEAD_PER_SOURCE_INDEX = 'leads_source_lead_id_key';

/**
 * One lead a provider told us about, stored before the provider is answered
 * and captured in the worker: Meta's are fetched from the Graph API first,
 * Google's carry their answers. Unique per source and provider lead id, so a
 * notification repeated (Meta retries for hours) is stored once.
 */
@Entity('leads')
@Index(LEAD_PER_SOURCE_INDEX, ['lead_source_id', 'lead_id'], { unique: true })
@Index('leads_due_idx', ['next_attempt_at'], { where: `status = 'pending'` })
@Check('"status" IN (\'pending\', \'captured\', \'failed\')')
export class Lead extends AccountOwnedEntity {
  @Column('uuid')
  lead_source_id!: string;

  @Column('text')
  provider!: LeadProvider;

  /** Meta leadgen_id or Google lead_id: strings, as they pass 2^53. */
  @Column('text')
  lead_id!: string;

  @Column({ type: 'text', nullable: true })
  form_id!: string | null;

  @Column({ type: 'text', nullable: true })
  campaign_id!: string | null;

  @Column({ type: 'text', nullable: true })
  ad_id!: string | null;

  @Column({ type: 'text', nullable: true })
  adgroup_id!: string | null;

  @Column({ type: 'boolean', default: false })
  is_test!: boolean;

  /** Times the provider sent this lead again (Meta retries for hours; Google's "send test data" twice): counted, never captured twice. */
  @Column({ type: 'int', default: 0 })
  repeats!: number;

  /** The form's answers by field name, before mapping: Google's on arrival, Meta's once fetched. */
  @Column({ type: 'jsonb', nullable: true })
  fields!: Record<string, string> | null;

  @Column({ type: 'text', default: 'pending' })
  status!: LeadStatus;

  @Column({ type: 'int', default: 0 })
  attempt_count!: number;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  next_attempt_at!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  locked_until!: Date | null;

  @Column({ type: 'text', nullable: true })
  last_error!: string | null;

  @Column({ type: 'uuid', nullable: true })
  contact_id!: string | null;

  @Column({ type: 'uuid', nullable: true })
  inbound_log_id!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  captured_at!: Date | null;
}
