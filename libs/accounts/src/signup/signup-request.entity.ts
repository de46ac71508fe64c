import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A signup waiting for its email to be confirmed (only when the hub has a
 * system mailer). Nothing here is usable by itself: the link's token is kept
 * only as a keyed hash, and the password only as its argon2 hash, erased once
 * the account is created. Rows go a week after they expire.
 */
@Entity('signup_requests')
@Index('signup_requests_expires_idx', ['expires_at'])
export class SignupRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Lower-cased, as users.email. Not unique: each signup sends its own link, the first confirmed wins. */
  @Column('text')
  email!: string;

  @Column('text')
  account_name!: string;

  /** argon2id of the password chosen at signup; NULL once confirmed. */
  @Column('text', { nullable: true })
  password_hash!: string | null;

  /** HMAC-SHA256 of the link's token (SignupTokens.hash). */
  @Index({ unique: true })
  @Column('text')
  token_hash!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  expires_at!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  confirmed_at!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  created_at!: Date;
}
