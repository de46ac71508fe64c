import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ContactQueries } from '@hub/contacts';
import { GroupQueries, GroupsService } from '@hub/groups';
import { UnsubscribeClaim } from './unsubscribe-token';
import { UnsubscribeLinks } from './unsubscribe-links';
import { maskEmail, UnsubscribeView } from './unsubscribe-pages';

/** Reads and carries out `/u/{token}` unsubscribe links. */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: UnsubscribeLinks,
    private readonly contacts: ContactQueries,
    private readonly groups: GroupQueries,
    private readonly groupsService: GroupsService,
  ) {}

  /** What the link would do, or null for a forged link or a contact that no longer exists. */
  async preview(token: string): Promise<UnsubscribeView | null> {
    const claim = this.links.read(token);
    if (!claim) return null;
    return this.view(claim);
  }

  /** Unsubscribes (group.unsubscribed per group left) and returns what was done; null as for preview. */
  async confirm(token: string): Promise<UnsubscribeView | null> {
    const claim = this.links.read(token);
    if (!claim) return null;
    try {
      await this.dataSource.transaction((tx) => this.groupsService.unsubscribe(tx, claim.accountId, claim.contactId, claim.groupIds ?? 'all', 'unsubscribe_link'));
    } catch (error) {
      if (error instanceof NotFoundException) return null; // the contact was deleted
      throw error;
    }
    return this.view(claim);
  }

  private async view(claim: UnsubscribeClaim): Promise<UnsubscribeView | null> {
    const contact = await this.contacts.scope.findOneBy(claim.accountId, { id: claim.contactId });
    if (!contact) return null;
    const groups = claim.groupIds
      ? (await this.groups.groups.find(claim.accountId, { where: { id: In(claim.groupIds) }, order: { name: 'ASC' } })).map((group) => group.name)
      : null;
    return { address: maskEmail(contact.email), groups };
  }
}
