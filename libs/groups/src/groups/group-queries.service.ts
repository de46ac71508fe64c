import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ContactQueries } from '@hub/contacts';
import { AccountScope } from '@hub/database';
import { decodeCursor, Page, PageQueryDto, toPage } from '@hub/http';
import { GroupMemberDto, GroupMemberQueryDto } from '../members/dto/group-member.dto';
import { GroupMember } from '../members/group-member.entity';
import { toGroupMemberDto } from '../members/group-member-views';
import { GroupDto } from './dto/group.dto';
import { Group } from './group.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toGroupDto(group: Group, memberCount: number): GroupDto {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    member_count: memberCount,
    created_at: group.created_at.toISOString(),
    updated_at: group.updated_at.toISOString(),
  };
}

/** Reads of the caller's account's groups and their members. */
@Injectable()
export class GroupQueries {
  readonly groups: AccountScope<Group>;
  readonly members: AccountScope<GroupMember>;

  constructor(
    @InjectRepository(Group) groups: Repository<Group>,
    @InjectRepository(GroupMember) members: Repository<GroupMember>,
    private readonly contacts: ContactQueries,
  ) {
    this.groups = new AccountScope(groups, 'Group');
    this.members = new AccountScope(members, 'Group member');
  }

  /** Which of these ids are groups of the account. */
  async existingIds(accountId: string, ids: string[]): Promise<Set<string>> {
    const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
    if (wanted.length === 0) return new Set();
    const rows = await this.groups.find(accountId, { select: { id: true }, where: { id: In(wanted) } });
    return new Set(rows.map((group) => group.id));
  }

  async list(accountId: string, query: PageQueryDto): Promise<Page<GroupDto>> {
    const qb = this.groups.queryBuilder(accountId, 'g');
    const cursor = decodeCursor(query.cursor);
    if (cursor) qb.andWhere('(g.created_at, g.id) < (:at, :cid)', { at: cursor.createdAt, cid: cursor.id });
    const rows = await qb.orderBy('g.created_at', 'DESC').addOrderBy('g.id', 'DESC').take(query.limit + 1).getMany();
    const counts = await this.memberCounts(accountId, rows.map((g) => g.id));
    return toPage(rows, query.limit, (group) => toGroupDto(group, counts.get(group.id) ?? 0));
  }

  async get(accountId: string, id: string): Promise<GroupDto> {
    const group = await this.groups.get(accountId, id);
    return toGroupDto(group, (await this.memberCounts(accountId, [group.id])).get(group.id) ?? 0);
  }

  /** 404 for an unknown group (or another account's); otherwise its members, newest first, with their contacts (read from the contacts lib). */
  async listMembers(accountId: string, groupId: string, query: GroupMemberQueryDto): Promise<Page<GroupMemberDto>> {
    await this.groups.get(accountId, groupId);
    const qb = this.members.queryBuilder(accountId, 'm').andWhere('m.group_id = :groupId', { groupId });
    if (query.status === 'subscribed') qb.andWhere('m.unsubscribed_at IS NULL');
    if (query.status === 'unsubscribed') qb.andWhere('m.unsubscribed_at IS NOT NULL');
    const cursor = decodeCursor(query.cursor);
    if (cursor) qb.andWhere('(m.created_at, m.id) < (:at, :cid)', { at: cursor.createdAt, cid: cursor.id });
    const rows = await qb.orderBy('m.created_at', 'DESC').addOrderBy('m.id', 'DESC').take(query.limit + 1).getMany();
    const contacts = await this.contacts.byIds(accountId, rows.map((member) => member.contact_id));
    // A contact deleted since takes its memberships with it (cascade): its row is left out, as a join would.
    const members = rows.filter((member) => contacts.has(member.contact_id));
    return toPage(members, query.limit, (member) => toGroupMemberDto(member, contacts.get(member.contact_id)!));
  }

  /** Currently subscribed contacts per group. */
  private async memberCounts(accountId: string, groupIds: string[]): Promise<Map<string, number>> {
    if (groupIds.length === 0) return new Map();
    const rows = await this.members
      .queryBuilder(accountId, 'm')
      .select('m.group_id', 'group_id')
      .addSelect('count(*)::int', 'count')
      .andWhere('m.group_id IN (:...groupIds)', { groupIds })
      .andWhere('m.unsubscribed_at IS NULL')
      .groupBy('m.group_id')
      .getRawMany<{ group_id: string; count: number }>();
    return new Map(rows.map((row) => [row.group_id, row.count]));
  }
}
