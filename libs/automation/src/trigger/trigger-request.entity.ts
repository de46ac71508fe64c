import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An `Idempotency-Key` seen on a trigger webhook, with the answer it got. A
 * repeat within 24 h answers the same without enrolling again; older keys are
 * purged by the run sweeper.
 */
@Entity('workflow_trigger_requests')
@Index('workflow_trigger_requests_created_idx', ['created_at'])
export class WorkflowTriggerRequest {
  @PrimaryColumn('text')
  webhook_id!: string;

  @PrimaryColumn('text')
  idempotency_key!: string;

  @Column('uuid')
  account_id!: string;

  @Column('jsonb')
  response!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  created_at!: Date;
}
