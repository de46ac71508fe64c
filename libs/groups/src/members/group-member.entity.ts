import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Contact } from '@hub/contacts';
import { AccountOwnedEntity } from '@hub/database';
import { Group } from '../groups/group.entity';

/**
 * A contact's membership of a group. Unsubscribing keeps the row (with
 * unsubscribed_at set) so the opt-out is remembered; subscribing again clears it.
 */
@Entity('group_members')
@Index('group_members_group_contact_key', ['group_id', 'contact_id'], { unique: true })
export class GroupMember extends AccountOwnedEntity {
  @Column('uuid')
  group_id!: string;

  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Group;

  // Indexed for "every group of this contact" (unsubscribe from all) and the contact delete cascade.
  @Index()
  @Column('uuid')
  contact_id!: string;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Contact;

  @Column({ type: 'timestamptz' })
  subscribed_at!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  unsubscribed_at!: Date | null;
}
