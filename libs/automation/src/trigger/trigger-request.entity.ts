import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { TriggerContact } from './trigger-body';

export type TriggerRequestStatus = 'pending' | 'processed' | 'failed';

/**
 * A trigger webhook call, stored (with its inbound log row, in one statement)
 * before the sender gets its 200; the worker then upserts the contact and
 * enrols it (status pending → processed). An `Idempotency-Key` repeat within
 * 24 h matches the first row and gets its answer again. Rows that are done are
 * purged after 24 h (TriggerRequestRetention); the sweeper re-enqueues pending ones.
 */
@Entity('workflow_trigger_requests')
@Index('workflow_trigger_requests_created_idx', ['created_at'])
@Index('workflow_trigger_requests_idempotency_key', ['webhook_id', 'idempotency_key'], { unique: true, where: 'idempotency_key IS NOT NULL' })
@Index('workflow_trigger_requests_pending_idx', ['next_attempt_at'], { where: "status = 'pending'" })
export class WorkflowTriggerRequest {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  webhook_id!: string;

  @Column('text', { nullable: true })
  idempotency_key!: string | null;

  @Column('uuid')
  account_id!: string;

  /** The contact and variables read from the body (validated before the answer). */
  @Column('jsonb')
  input!: TriggerContact;

  /** The answer the sender got (a repeat gets it again). */
  @Column('jsonb')
  response!: Record<string, unknown>;

  @Column('uuid', { nullable: true })
  inbound_log_id!: string | null;

  @Column('text', { default: 'pending' })
  status!: TriggerRequestStatus;

  @Column('int', { default: 0 })
  attempt_count!: number;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  next_attempt_at!: Date;

  @Column('text', { nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  created_at!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  processed_at!: Date | null;
}
