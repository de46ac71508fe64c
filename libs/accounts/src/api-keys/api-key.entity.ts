import { Column, Entity, Index } from 'typeorm';
import { AccountOwnedEntity } from '@hub/database';

@Entity('api_keys')
export class ApiKey extends AccountOwnedEntity {
  @Column('text')
  name!: string;

  /** First characters of the key, shown in lists so people can tell keys apart. */
  @Column('text')
  prefix!: string;

  /** SHA-256 of the whole key: keys are 256 random bits, so a fast hash is safe and lookups stay O(1). */
  @Index({ unique: true })
  @Column('text')
  key_hash!: string;

  @Column({ type: 'timestamptz', nullable: true })
  last_used_at!: Date | null;
}
