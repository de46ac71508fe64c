import { Column, Entity, Index } from 'typeorm';
import { AccountOwnedEntity } from '@hub/database';
import type { MessageChannel } from '../messages/message.entity';
import type { ProviderEventKind } from './provider-event-report';

/**
 * One provider event about one message (delivered, opened, bounced…), stored
 * by the inbound route before it answers and applied by the worker
 * (`applied_at`). Unique per channel on the provider's event id, so a retried
 * webhook is applied once; `message_id` is null when it matched none of our
 * messages (it is still kept and emitted). No foreign key to messages or
 * channels: the history outlives them.
 */
@Entity('message_provider_events')
@Index('message_provider_events_dedupe_idx', ['channel_id', 'provider_event_id'], { unique: true })
@Index('message_provider_events_once_idx', ['channel_id', 'once_token'], { unique: true, where: 'once_token IS NOT NULL' })
@Index('message_provider_events_message_idx', ['message_id', 'occurred_at'], { where: 'message_id IS NOT NULL' })
@Index('message_provider_events_pending_idx', ['created_at'], { where: 'applied_at IS NULL' })
export class MessageProviderEvent extends AccountOwnedEntity {
  @Column('uuid')
  channel_id!: string;

  @Column('text')
  channel!: MessageChannel;

  @Column('text')
  provider!: string;

  @Column('text')
  provider_event_id!: string;

  @Column('text')
  kind!: ProviderEventKind;

  @Column('uuid', { nullable: true })
  message_id!: string | null;

  @Column('text', { nullable: true })
  provider_message_id!: string | null;

  @Column('text', { nullable: true })
  message_id_header!: string | null;

  @Column('text', { nullable: true })
  recipient!: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  occurred_at!: Date;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('text', { nullable: true })
  url!: string | null;

  @Column('text', { nullable: true })
  bounce_type!: 'hard' | 'soft' | null;

  @Column('text', { nullable: true })
  once_token!: string | null;

  @Column('uuid', { nullable: true })
  inbound_log_id!: string | null;

  /** Set by the worker once applied (status, event, suppression); null while pending. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  applied_at!: Date | null;

  /** Why applying it failed, when it did (it is then left as it is, not retried). */
  @Column('text', { nullable: true })
  apply_error!: string | null;
}
