import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type SystemMailStatus = 'queued' | 'sent' | 'failed';

/**
 * One email the hub sends on its own behalf (signup confirmations, operator
 * alerts), through SYSTEM_SMTP_URL, never through an account's channel. The
 * row is the work: the sweeper re-enqueues a queued row whose Redis job is
 * gone, and `locked_until` is the lease of the send in flight. The body may
 * hold a one-time link, so it is stored encrypted and erased once the mail is
 * sent or failed; what stays is who, which template and what happened.
 */
@Entity('system_mails')
@Index('system_mails_due_idx', ['next_attempt_at'], { where: "status = 'queued'" })
@Index('system_mails_recipient_idx', ['to_address', 'created_at'])
export class SystemMailRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  to_address!: string;

  @Column('text')
  template!: string;

  @Column('text')
  subject!: string;

  /** The rendered text body, encrypted (SecretBox); NULL once sent or failed. */
  @Column('text', { nullable: true })
  body_encrypted!: string | null;

  /** The rendered HTML alternative, encrypted, for templates that have one; NULL without one and once sent or failed. */
  @Column('text', { nullable: true })
  html_encrypted!: string | null;

  @Column('text', { default: 'queued' })
  status!: SystemMailStatus;

  /** The Message-ID header we set (`<id@host>`), so a bounce can be matched to the row. */
  @Column('text')
  message_id_header!: string;

  /** Last send error (also set while retries remain). */
  @Column('text', { nullable: true })
  error!: string | null;

  @Column('int', { default: 0 })
  attempt_count!: number;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  next_attempt_at!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  locked_until!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sent_at!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  created_at!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updated_at!: Date;
}
