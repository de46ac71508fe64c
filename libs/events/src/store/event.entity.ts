import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The outbox: one row per event, inserted in the same transaction as the change
 * that caused it. The delivery engine fans pending rows (dispatched_at IS NULL)
 * out to endpoints. Ids are `evt_<ULID>`, so id order is time order. No foreign
 * keys point here, so the table can later be partitioned by created_at and old
 * partitions detached.
 */
@Entity('events')
@Index('events_pending_idx', ['created_at'], { where: 'dispatched_at IS NULL' })
@Index('events_account_created_idx', ['account_id', 'created_at'])
@Index('events_idempotency_idx', ['account_id', 'idempotency_key'], { where: 'idempotency_key IS NOT NULL' })
export class HubEvent {
  @PrimaryColumn('text')
  id!: string;

  @Column('uuid')
  account_id!: string;

  @Column('text')
  type!: string;

  @Column('text', { nullable: true })
  channel!: string | null;

  @Column('uuid', { nullable: true })
  channel_id!: string | null;

  @Column('jsonb')
  data!: Record<string, unknown>;

  @Column('text', { nullable: true })
  idempotency_key!: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  created_at!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatched_at!: Date | null;
}
