import { Column, Entity, Index } from 'typeorm';
import { AccountOwnedEntity } from '@hub/database';

export type SnsConfirmationStatus = 'pending' | 'confirmed' | 'failed';

/**
 * An SNS SubscriptionConfirmation an SES channel received: the worker
 * confirms it (GET SubscribeURL) and retries while SNS's side fails. Once
 * per (channel, SNS MessageId): SNS resends the same confirmation until it
 * is confirmed.
 */
@Entity('sns_confirmations')
@Index('sns_confirmations_message_idx', ['channel_id', 'sns_message_id'], { unique: true })
@Index('sns_confirmations_due_idx', ['next_attempt_at'], { where: `status = 'pending'` })
export class SnsConfirmation extends AccountOwnedEntity {
  @Column('uuid')
  channel_id!: string;

  @Column('text')
  topic_arn!: string;

  @Column('text')
  sns_message_id!: string;

  @Column('text')
  subscribe_url!: string;

  @Column('text', { default: 'pending' })
  status!: SnsConfirmationStatus;

  @Column('int', { default: 0 })
  attempt_count!: number;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  next_attempt_at!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  locked_until!: Date | null;

  @Column('text', { nullable: true })
  last_error!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  confirmed_at!: Date | null;

  @Column('uuid', { nullable: true })
  inbound_log_id!: string | null;
}
