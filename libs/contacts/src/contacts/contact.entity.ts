import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { AccountOwnedEntity } from '@hub/database';
import { ContactSource } from '../lookups/contact-source.entity';
import { ContactStatus } from '../lookups/contact-status.entity';

export const CONTACT_EMAIL_INDEX = 'contacts_account_email_key';
export const CONTACT_PHONE_INDEX = 'contacts_account_phone_key';

/** A person the account messages. Identified within the account by email and/or phone (at least one). */
@Entity('contacts')
@Index(CONTACT_EMAIL_INDEX, ['account_id', 'email'], { unique: true, where: 'email IS NOT NULL' })
@Index(CONTACT_PHONE_INDEX, ['account_id', 'phone'], { unique: true, where: 'phone IS NOT NULL' })
export class Contact extends AccountOwnedEntity {
  /** Trimmed and lower-cased, so matching is case-insensitive. */
  @Column('text', { nullable: true })
  email!: string | null;

  /** E.164. */
  @Column('text', { nullable: true })
  phone!: string | null;

  @Column('text', { nullable: true })
  first_name!: string | null;

  @Column('text', { nullable: true })
  last_name!: string | null;

  @Column('jsonb', { default: {} })
  custom_fields!: Record<string, unknown>;

  @Index()
  @Column('uuid', { nullable: true })
  status_id!: string | null;

  // Deleting a status clears it on its contacts rather than refusing the delete.
  @ManyToOne(() => ContactStatus, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'status_id' })
  status?: ContactStatus | null;

  @Index()
  @Column('uuid', { nullable: true })
  source_id!: string | null;

  @ManyToOne(() => ContactSource, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'source_id' })
  source?: ContactSource | null;

  /** Set after a hard bounce or complaint; senders skip the address. */
  @Column('boolean', { default: false })
  email_undeliverable!: boolean;

  @Column('boolean', { default: false })
  phone_undeliverable!: boolean;

  /** Set when the contact unsubscribes from everything (an "all groups" unsubscribe link); senders must check it. */
  @Column({ type: 'timestamptz', nullable: true })
  unsubscribed_at!: Date | null;
}
