import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { WorkflowRun } from './workflow-run.entity';

export const STEP_STATUSES = ['pending', 'running', 'completed', 'failed', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** What happened to one step of one run; written when the step starts and when it ends. Steps not reached have no row (pending). */
@Entity('workflow_step_states')
@Index('workflow_step_states_run_index_key', ['run_id', 'index'], { unique: true })
export class WorkflowStepState {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  run_id!: string;

  @ManyToOne(() => WorkflowRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: WorkflowRun;

  @Column('int')
  index!: number;

  @Column('text')
  type!: string;

  @Column('text')
  status!: StepStatus;

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('jsonb', { nullable: true })
  output!: Record<string, unknown> | null;

  @Column('text', { nullable: true })
  error!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  started_at!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  finished_at!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  created_at!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updated_at!: Date;
}
