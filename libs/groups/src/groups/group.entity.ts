import { Column, Entity, Index } from 'typeorm';
import { AccountOwnedEntity } from '@hub/database';

export const GROUP_NAME_INDEX = 'groups_account_name_key';

/** A mailing group: contacts subscribe to it and unsubscribe from it (API, links, workflows). */
@Entity('groups')
@Index(GROUP_NAME_INDEX, ['account_id', 'name'], { unique: true })
export class Group extends AccountOwnedEntity {
  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  description!: string | null;
}
