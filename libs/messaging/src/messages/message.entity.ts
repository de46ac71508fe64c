import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Contact } from '@hub/contacts';
import { AccountOwnedEntity } from '@hub/database';
import { MESSAGE_STATUSES } from '@hub/events';

export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export type MessageChannel = 'email' | 'whatsapp' | 'sms';
export type MessageSource = 'api' | 'workflow';

export interface StatusChange {
  status: MessageStatus;
  /** ISO-8601. */
  at: string;
  detail: string | null;
}

/**
 * One outbound message (send API or workflow step). PostgreSQL holds its
 * state: a queued row whose job vanished from Redis is re-enqueued by the
 * sweeper; `locked_until` is the lease of the send in flight, so a duplicate or
 * stalled job cannot send it twice at once. No foreign key to channels: a
 * deleted channel keeps its message history.
 */
@Entity('messages')
@Index('messages_account_created_idx', ['account_id', 'created_at'])
@Index('messages_provider_message_id_idx', ['provider_message_id'])
@Index('messages_message_id_header_idx', ['message_id_header'])
@Index('messages_due_idx', ['next_attempt_at'], { where: "status = 'queued'" })
export class Message extends AccountOwnedEntity {
  @Column('uuid')
  channel_id!: string;

  @Column('text')
  channel!: MessageChannel;

  @Index()
  @Column('uuid', { nullable: true })
  contact_id!: string | null;

  // A deleted contact leaves its messages (the log), unlinked.
  @ManyToOne(() => Contact, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'contact_id' })
  contact?: Contact | null;

  /** Normalised recipient: lower-cased email or E.164 phone. */
  @Column('text')
  to!: string;

  @Column('text', { nullable: true })
  subject!: string | null;

  /** The rendered body, exactly as sent. */
  @Column('text')
  body!: string;

  @Column('text', { default: 'queued' })
  status!: MessageStatus;

  @Column('jsonb', { default: () => "'[]'" })
  status_history!: StatusChange[];

  /** Email: the Message-ID header we set (`<id@host>`), kept to match ESP events. */
  @Column('text', { nullable: true })
  message_id_header!: string | null;

  /** The ESP / WhatsApp node / SMS provider id, when it reports one. */
  @Column('text', { nullable: true })
  provider_message_id!: string | null;

  /** Last send error (also set while retries remain). */
  @Column('text', { nullable: true })
  error!: string | null;

  @Column('text')
  source!: MessageSource;

  @Column('uuid', { nullable: true })
  workflow_run_id!: string | null;

  @Column('int', { default: 0 })
  attempt_count!: number;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  next_attempt_at!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  locked_until!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sent_at!: Date | null;
}
