import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { AccountOwnedEntity } from '@hub/database';
import { WorkflowStep } from '../steps/workflow-step';
import { Workflow } from '../workflows/workflow.entity';

/** cancelled: stopped by an admin before its end (no workflow.completed is published: it did not complete). */
export const RUN_STATUSES = ['running', 'waiting', 'completed', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * One enrolment of a contact into a workflow. The steps are copied at
 * enrolment, so editing the workflow never shifts a run that is under way.
 * A run is due when it is running or waiting, its resume_at (a wait's end or
 * a retry's time) has passed and nobody holds its lease (locked_until).
 */
@Entity('workflow_runs')
@Index('workflow_runs_workflow_created_idx', ['workflow_id', 'created_at'])
@Index('workflow_runs_due_idx', ['resume_at'], { where: "status IN ('running', 'waiting')" })
export class WorkflowRun extends AccountOwnedEntity {
  @Column('uuid')
  workflow_id!: string;

  @ManyToOne(() => Workflow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workflow_id' })
  workflow?: Workflow;

  /** No foreign key: the run's history stays when the contact is deleted (later steps then fail). */
  @Column('uuid')
  contact_id!: string;

  @Column('text', { default: 'running' })
  status!: RunStatus;

  /** json, not jsonb: keeps the key order the admin typed (an http_request body is sent as written). */
  @Column('json')
  steps!: WorkflowStep[];

  /** Contact fields, custom fields and the trigger payload: what templates see. */
  @Column('jsonb')
  variables!: Record<string, unknown>;

  @Column('int', { default: 0 })
  current_step!: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resume_at!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  locked_until!: Date | null;

  /** Attempts of the current step so far. */
  @Column('int', { default: 0 })
  attempt_count!: number;

  @Column('text', { nullable: true })
  error!: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  started_at!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  completed_at!: Date | null;
}
