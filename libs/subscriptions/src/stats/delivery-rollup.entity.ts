import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Endpoint } from '../endpoints/endpoint.entity';

/**
 * Delivery attempts of one endpoint in one 5-minute bucket, counted by
 * outcome, with a latency histogram and the bucket's last error: what the
 * stats charts read instead of scanning delivery_attempts (10 million rows
 * for a busy account's week). Written only by the rollup job
 * (queues/delivery-rollup), never on the delivery hot path.
 */
@Entity('delivery_rollups')
@Index('delivery_rollups_account_bucket_idx', ['account_id', 'bucket_start'])
export class DeliveryRollup {
  @PrimaryColumn('uuid')
  endpoint_id!: string;

  @ManyToOne(() => Endpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id' })
  endpoint?: Endpoint;

  @PrimaryColumn({ type: 'timestamptz' })
  bucket_start!: Date;

  @Column('uuid')
  account_id!: string;

  /** Attempts answered 2xx. */
  @Column('int')
  succeeded!: number;

  /** Failed attempts that were a delivery's last (it is `failed`). */
  @Column('int')
  failed!: number;

  /** Failed attempts after which another was scheduled. */
  @Column('int')
  retrying!: number;

  /** Attempts per latency bucket, bounds in LATENCY_BOUNDS_MS (the last counts everything slower). */
  @Column('int', { array: true })
  latency_counts!: number[];

  /** The bucket's latest failed attempt: its error, or "HTTP <status>". */
  @Column('text', { nullable: true })
  last_error!: string | null;

  @Column('int', { nullable: true })
  last_error_status!: number | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  last_error_at!: Date | null;
}

/** How far delivery_rollups is complete (one row), leased by the rollup job that advances it. */
@Entity('delivery_rollup_progress')
export class DeliveryRollupProgress {
  @PrimaryColumn('smallint')
  id!: number;

  /** Buckets before this are in delivery_rollups; attempts from here on are read raw. Null: nothing rolled up yet. */
  @Column({ type: 'timestamptz', nullable: true })
  rolled_up_to!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  locked_until!: Date | null;
}
