import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AccountScope } from '@hub/database';
import { ChannelDirectory } from '@hub/events';
import { Channel } from './channel.entity';
import { ChannelType } from './channel-kinds';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The reads other libs make of `channels` (this lib alone reads and writes the
 * table): messaging's transports and send queue, automation's step checks,
 * and, through the ChannelDirectory it answers, events and subscriptions.
 */
@Injectable()
export class ChannelStore implements OnModuleInit {
  private readonly scope: AccountScope<Channel>;

  constructor(
    @InjectRepository(Channel) private readonly repository: Repository<Channel>,
    private readonly directory: ChannelDirectory,
  ) {
    this.scope = new AccountScope(repository, 'Channel');
  }

  onModuleInit(): void {
    this.directory.answerWith(
      (accountId, channelIds) => this.typesOf(accountId, channelIds),
      async (accountId, channelId) => {
        const channel = await this.find(accountId, channelId);
        return channel ? { name: channel.name, from_address: channel.from_address, phone: channel.phone, from_number: channel.from_number } : null;
      },
    );
  }

  /** The account's channel, or 404 (also another account's). */
  get(accountId: string, id: string, tx?: EntityManager): Promise<Channel> {
    return this.scope.get(accountId, id, tx);
  }

  /** The account's channel, or null (also when it was deleted since). */
  async find(accountId: string, id: string): Promise<Channel | null> {
    return UUID.test(id) ? this.repository.findOneBy({ id, account_id: accountId }) : null;
  }

  /** The type of each of these ids that is a channel of the account (the others are absent). */
  async typesOf(accountId: string, channelIds: string[]): Promise<Map<string, ChannelType>> {
    const ids = [...new Set(channelIds)].filter((id) => UUID.test(id));
    if (ids.length === 0) return new Map();
    const rows = await this.repository.find({ select: { id: true, type: true }, where: { account_id: accountId, id: In(ids) } });
    return new Map(rows.map((row) => [row.id, row.type]));
  }
}
