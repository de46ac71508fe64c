import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type InboundOutcome = 'accepted' | 'duplicate' | 'rejected' | 'error';
export type InboundVerification = 'passed' | 'failed' | 'not_required';

/**
 * One row per request to a public inbound route, written before the request is
 * answered. account_id is null until the route can tell whose request it is
 * (a malformed body or unknown webhook id belongs to no account).
 */
@Entity('inbound_logs')
@Index('inbound_logs_account_created_idx', ['account_id', 'created_at'])
@Index('inbound_logs_created_idx', ['created_at'])
export class InboundLog {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { nullable: true })
  account_id!: string | null;

  @Column('text')
  source!: string;

  @Column('text')
  method!: string;

  @Column('text')
  url!: string;

  /** Headers with secrets replaced by "[redacted]": what the admin app shows. */
  @Column('jsonb')
  headers!: Record<string, string>;

  /** The original headers, encrypted with APP_SECRET_KEY, so a replay is the exact request. */
  @Column('text', { nullable: true })
  headers_encrypted!: string | null;

  @Column('text', { nullable: true })
  content_type!: string | null;

  /** The body as text: exactly what was sent, unless raw_body_bytes is set (then NUL and undecodable bytes show as U+FFFD). */
  @Column('text', { nullable: true })
  raw_body!: string | null;

  /** The exact bytes, only when text cannot hold them (a NUL byte, or not UTF-8); replays send these. */
  @Column('bytea', { nullable: true })
  raw_body_bytes!: Buffer | null;

  @Column('int')
  status_code!: number;

  @Column('text')
  outcome!: InboundOutcome;

  @Column('text', { nullable: true })
  verification!: InboundVerification | null;

  @Column('text', { nullable: true })
  error!: string | null;

  @Column('uuid', { nullable: true })
  replay_of!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  created_at!: Date;
}
