import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Contact } from '@hub/contacts';
import { AccountOwnedEntity } from '@hub/database';
import { MESSAGE_STATUSES } from '@hub/events';

export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export type MessageChannel = 'email' | 'whatsapp' | 'sms';
/** `node`: reported by the WhatsApp node service (a message received, or one sent from the phone itself). */
export type MessageSource = 'api' | 'workflow' | 'node';
export type MessageDirection = 'outbound' | 'inbound';
export const REPORTED_MESSAGE_INDEX = 'messages_reported_provider_id_key';

export interface StatusChange {
  status: MessageStatus;
  /** ISO-8601. */
  at: string;
  detail: string | null;
}

/**
 * One message: outbound (send API or workflow step; or sent from the phone,
 * as the WhatsApp node service reports) or inbound (received on a channel). PostgreSQL holds its
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
// A message the node service reports is stored once per channel, however often the node repeats it.
@Index(REPORTED_MESSAGE_INDEX, ['channel_id', 'provider_message_id'], { unique: true, where: "source = 'node'" })
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

  @Column('text', { default: 'outbound' })
  direction!: MessageDirection;

  /** Normalised recipient: lower-cased email or E.164 phone. Inbound: the channel's own number ('' until the node reported it). */
  @Column('text')
  to!: string;

  /** Inbound only: the sender (E.164 phone). */
  @Column('text', { nullable: true })
  from!: string | null;

  /** WhatsApp media (image, video, audio, document, sticker); the body is then its caption, '' without one. */
  @Column('text', { nullable: true })
  media_type!: string | null;

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
