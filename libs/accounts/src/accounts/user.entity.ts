import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column('uuid')
  account_id!: string;

  /** Stored lower-cased; unique across the hub (login does not ask for an account). */
  @Index({ unique: true })
  @Column('text')
  email!: string;

  @Column('text')
  password_hash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  created_at!: Date;
}
