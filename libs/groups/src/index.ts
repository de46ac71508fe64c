export { GroupsCoreModule, GroupsModule } from './groups.module';
export { Group } from './groups/group.entity';
export { GroupsService } from './groups/groups.service';
export type { Subscription } from './groups/groups.service';
export { GroupQueries } from './groups/group-queries.service';
export { GroupMember } from './members/group-member.entity';
export { toMembershipPayload } from './members/group-member-views';
export type { MembershipVia } from './members/group-member-views';
