import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, DeepPartial, EntityManager, In, IsNull } from 'typeorm';
import { type Contact, ContactQueries, ContactsService } from '@hub/contacts';
import { EventPublisher } from '@hub/events';
import { AddGroupMemberDto } from '../members/dto/group-member.dto';
import { GroupMember } from '../members/group-member.entity';
import { MembershipVia, toMembershipPayload } from '../members/group-member-views';
import { CreateGroupDto, UpdateGroupDto } from './dto/group.dto';
import { Group, GROUP_NAME_INDEX } from './group.entity';
import { GroupQueries } from './group-queries.service';

export interface Subscription {
  member: GroupMember;
  contact: Contact;
  /** False when the contact was already subscribed (nothing changed, no event). */
  changed: boolean;
}

/**
 * Every write to groups and memberships. Membership changes publish
 * group.subscribed / group.unsubscribed in the transaction that makes them.
 */
@Injectable()
export class GroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly queries: GroupQueries,
    private readonly contacts: ContactsService,
    private readonly contactQueries: ContactQueries,
  ) {}

  async create(accountId: string, dto: CreateGroupDto): Promise<Group> {
    return this.namingGroup(dto.name, () => this.queries.groups.create(accountId, { name: dto.name, description: dto.description ?? null }));
  }

  async update(accountId: string, id: string, dto: UpdateGroupDto): Promise<Group> {
    const patch: DeepPartial<Group> = {};
    if (dto.name !== undefined) patch.name = dto.name;
    if (dto.description !== undefined) patch.description = dto.description;
    return this.namingGroup(dto.name, () => this.queries.groups.update(accountId, id, patch));
  }

  /** Memberships go with the group (foreign key cascade); no membership events are sent for them. */
  async remove(accountId: string, id: string): Promise<void> {
    await this.queries.groups.remove(accountId, id);
  }

  /** POST /api/groups/{id}/members: finds or creates the contact, then subscribes it. */
  async addMember(accountId: string, groupId: string, dto: AddGroupMemberDto): Promise<Subscription> {
    return this.dataSource.transaction(async (tx) => {
      await this.queries.groups.get(accountId, groupId, tx);
      const { contact } = await this.contacts.upsertByIdentity(tx, accountId, { email: dto.email, phone: dto.phone });
      return this.subscribe(tx, accountId, groupId, contact.id, 'api');
    });
  }

  /** DELETE /api/groups/{id}/members/{contact_id}: 404 unless the contact is currently subscribed. */
  async removeMember(accountId: string, groupId: string, contactId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const group = await this.queries.groups.get(accountId, groupId, tx);
      const left = await this.unsubscribe(tx, accountId, contactId, [group.id], 'api');
      if (left.length === 0) throw new NotFoundException(`Contact ${contactId} is not subscribed to group ${groupId}`);
    });
  }

  /** Subscribes (or re-subscribes) a contact of the account to a group of the account; 404 for either unknown. */
  async subscribe(tx: EntityManager, accountId: string, groupId: string, contactId: string, via: MembershipVia): Promise<Subscription> {
    const group = await this.queries.groups.get(accountId, groupId, tx);
    const contact = await this.contactQueries.get(accountId, contactId, tx);
    // Two requests subscribing the same contact at once must not both insert.
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`group-member:${group.id}:${contact.id}`]);
    const existing = await this.queries.members.findOneBy(accountId, { group_id: group.id, contact_id: contact.id }, tx);
    if (existing && existing.unsubscribed_at === null) return { member: existing, contact, changed: false };
    const member = existing
      ? await this.queries.members.update(accountId, existing.id, { subscribed_at: new Date(), unsubscribed_at: null }, tx)
      : await this.queries.members.create(accountId, { group_id: group.id, contact_id: contact.id, subscribed_at: new Date(), unsubscribed_at: null }, tx);
    await this.events.publish(tx, { accountId, type: 'group.subscribed', data: toMembershipPayload(group, contact, via) });
    return { member, contact, changed: true };
  }

  /**
   * Unsubscribes a contact from the given groups of the account, or from every
   * group with 'all' (which also marks the contact unsubscribed from
   * everything). Publishes group.unsubscribed per group left; groups the
   * contact was not subscribed to (or another account's) are skipped. Returns
   * the ids of the groups left. 404 for an unknown contact.
   */
  async unsubscribe(tx: EntityManager, accountId: string, contactId: string, groupIds: string[] | 'all', via: MembershipVia): Promise<string[]> {
    const contact = await this.contactQueries.get(accountId, contactId, tx);
    if (groupIds !== 'all' && groupIds.length === 0) return [];
    const active = await this.queries.members.find(
      accountId,
      {
        where: { contact_id: contact.id, unsubscribed_at: IsNull(), ...(groupIds === 'all' ? {} : { group_id: In(groupIds) }) },
        order: { created_at: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      },
      tx,
    );
    const groups = active.length ? await this.queries.groups.find(accountId, { where: { id: In(active.map((m) => m.group_id)) } }, tx) : [];
    const groupById = new Map(groups.map((group) => [group.id, group]));
    const now = new Date();
    for (const member of active) {
      await this.queries.members.update(accountId, member.id, { unsubscribed_at: now }, tx);
      const group = groupById.get(member.group_id)!;
      await this.events.publish(tx, { accountId, type: 'group.unsubscribed', data: toMembershipPayload(group, contact, via) });
    }
    if (groupIds === 'all') await this.contacts.markUnsubscribedFromAll(tx, accountId, contact.id);
    return active.map((member) => member.group_id);
  }

  private async namingGroup<R>(name: string | undefined, write: () => Promise<R>): Promise<R> {
    try {
      return await write();
    } catch (error) {
      const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
      if (driverError?.code === '23505' && driverError.constraint === GROUP_NAME_INDEX) {
        const message = `A group named "${name ?? ''}" already exists`;
        throw new ConflictException({ message, details: [{ field: 'name', message }] });
      }
      throw error;
    }
  }
}
