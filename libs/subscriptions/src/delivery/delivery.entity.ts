import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { AccountOwnedEntity } from '@hub/database';
import { Endpoint } from '../endpoints/endpoint.entity';

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

/**
 * One (event, URL) pair of an endpoint, with its attempts. PostgreSQL is the
 * source of truth: a pending row whose job vanished from Redis is re-enqueued
 * by the sweeper; `locked_until` is the lease of the attempt in flight, so a
 * re-run job (stalled, swept, duplicated) cannot send it twice at once.
 */
@Entity('deliveries')
@Index('deliveries_event_endpoint_url_key', ['event_id', 'endpoint_id', 'url'], { unique: true })
@Index('deliveries_due_idx', ['next_attempt_at'], { where: "status = 'pending'" })
@Index('deliveries_account_created_idx', ['account_id', 'created_at'])
@Index('deliveries_endpoint_created_idx', ['endpoint_id', 'created_at'])
export class Delivery extends AccountOwnedEntity {
  /** No foreign key: events may be partitioned by time and old partitions detached. */
  @Column('text')
  event_id!: string;

  @Column('text')
  event_type!: string;

  @Column('uuid')
  endpoint_id!: string;

  @ManyToOne(() => Endpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id' })
  endpoint?: Endpoint;

  @Column('text')
  url!: string;

  @Column('text', { default: 'pending' })
  status!: DeliveryStatus;

  @Column('int', { default: 0 })
  attempt_count!: number;

  @Column({ type: 'timestamptz', precision: 3 })
  next_attempt_at!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  locked_until!: Date | null;

  @Column('int', { nullable: true })
  last_status_code!: number | null;

  @Column('text', { nullable: true })
  last_error!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  completed_at!: Date | null;
}
