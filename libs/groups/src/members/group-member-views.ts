import type { Contact } from '@hub/contacts';
import { GROUP_MEMBERSHIP_VIA } from '@hub/events';
import { Group } from '../groups/group.entity';
import { GroupMemberDto } from './dto/group-member.dto';
import { GroupMember } from './group-member.entity';

export type MembershipVia = (typeof GROUP_MEMBERSHIP_VIA)[number];

/** `data` of group.subscribed / group.unsubscribed, as the event catalog describes it. */
export function toMembershipPayload(group: Group, contact: Contact, via: MembershipVia) {
  return { group_id: group.id, group_name: group.name, contact_id: contact.id, email: contact.email, phone: contact.phone, via };
}

export function toGroupMemberDto(member: GroupMember, contact: Contact): GroupMemberDto {
  return {
    group_id: member.group_id,
    contact_id: contact.id,
    email: contact.email,
    phone: contact.phone,
    first_name: contact.first_name,
    last_name: contact.last_name,
    subscribed: member.unsubscribed_at === null,
    subscribed_at: member.subscribed_at.toISOString(),
    unsubscribed_at: member.unsubscribed_at ? member.unsubscribed_at.toISOString() : null,
  };
}
