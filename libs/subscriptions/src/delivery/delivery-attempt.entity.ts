import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Delivery } from './delivery.entity';

/** One HTTP attempt of a delivery: what was sent (headers without secrets) and what came back. */
@Entity('delivery_attempts')
@Index('delivery_attempts_delivery_n_key', ['delivery_id', 'n'], { unique: true })
@Index('delivery_attempts_created_idx', ['created_at'])
export class DeliveryAttempt {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  delivery_id!: string;

  @ManyToOne(() => Delivery, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id' })
  delivery?: Delivery;

  @Column('uuid')
  account_id!: string;

  @Column('int')
  n!: number;

  @Column('int', { nullable: true })
  status_code!: number | null;

  @Column('int')
  duration_ms!: number;

  @Column('text', { nullable: true })
  response_body!: string | null;

  @Column('text', { nullable: true })
  error!: string | null;

  @Column('jsonb')
  request_headers!: Record<string, string>;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  created_at!: Date;
}
