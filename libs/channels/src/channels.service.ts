import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, DeepPartial, Repository } from 'typeorm';
import { AppConfig } from '@hub/config';
import { AccountScope, SecretBox } from '@hub/database';
import { BlockedDestinationError, DestinationGuard } from '@hub/subscriptions';
import { Channel } from './channel.entity';
import { newChannelValues, patchedChannelValues } from './channel-changes';
import { ChannelPatch, CreateChannelInput } from './channel-input';
import { ChannelType } from './channel-kinds';
import { toChannelDto } from './channel-response.mapper';
import { ChannelResponse } from './dto/channel.response';
import { EmailWebhookKeyring } from './email-webhook-keys';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class ChannelsService {
  private readonly scope: AccountScope<Channel>;
  private readonly encrypt = (plain: string) => this.box.encrypt(plain);

  constructor(
    @InjectRepository(Channel) private readonly repository: Repository<Channel>,
    private readonly dataSource: DataSource,
    private readonly box: SecretBox,
    private readonly config: AppConfig,
    private readonly guard: DestinationGuard,
    private readonly keyring: EmailWebhookKeyring,
  ) {
    this.scope = new AccountScope(repository, 'Channel');
  }

  /** The channel entity (for other modules: transports, verifiers), or 404. */
  get(accountId: string, id: string): Promise<Channel> {
    return this.scope.get(accountId, id);
  }

  /**
   * Not account-scoped: public inbound routes (ESP webhooks) know a channel
   * only by the id in their URL and must verify the request with its keys.
   */
  async findForInbound(id: string): Promise<Channel | null> {
    return UUID.test(id) ? this.repository.findOneBy({ id }) : null;
  }

  toDto(channel: Channel): ChannelResponse {
    return toChannelDto(channel, this.config.publicUrl);
  }

  async create(accountId: string, input: CreateChannelInput): Promise<ChannelResponse> {
    if (input.type === 'email') await this.assertSmtpHostAllowed(input.smtp?.host);
    if (input.type === 'sms') await this.assertProviderUrlAllowed(input.provider_url);
    const saved = await this.scope.create(accountId, newChannelValues(input, this.encrypt) as DeepPartial<Channel>);
    return this.toDto(saved);
  }

  async list(accountId: string, type?: ChannelType): Promise<ChannelResponse[]> {
    const channels = await this.scope.find(accountId, { where: type ? { type } : {}, order: { created_at: 'DESC', id: 'DESC' } });
    return channels.map((channel) => this.toDto(channel));
  }

  async update(accountId: string, id: string, patch: ChannelPatch): Promise<ChannelResponse> {
    if (patch.type === 'email') await this.assertSmtpHostAllowed(patch.changes.smtp?.host);
    if (patch.type === 'sms') await this.assertProviderUrlAllowed(patch.changes.provider_url);
    // Locked read and write in one transaction: secrets and nested settings merge with what is stored.
    const saved = await this.dataSource.transaction(async (tx) => {
      const current = await this.scope.get(accountId, id, tx, true);
      return this.scope.update(accountId, id, patchedChannelValues(current, patch, this.encrypt) as DeepPartial<Channel>, tx);
    });
    this.keyring.forget(id);
    return this.toDto(saved);
  }

  async remove(accountId: string, id: string): Promise<void> {
    await this.scope.remove(accountId, id);
    this.keyring.forget(id);
  }

  /**
   * Where a channel sends is the account's choice, so it passes the same
   * destination guard as webhook URLs (WEBHOOK_ALLOW_PRIVATE_NETWORKS): here
   * at save, and again by the transport when it connects.
   */
  private async assertSmtpHostAllowed(host: string | undefined): Promise<void> {
    if (host === undefined) return;
    await this.assertDestination('smtp.host', () => this.guard.checkedAddress(host));
  }

  private async assertProviderUrlAllowed(url: string | null | undefined): Promise<void> {
    if (!url) return;
    await this.assertDestination('provider_url', () => this.guard.assertAllowed(url));
  }

  private async assertDestination(field: string, check: () => Promise<unknown>): Promise<void> {
    try {
      await check();
    } catch (error) {
      if (!(error instanceof BlockedDestinationError)) throw error;
      const message = `${field} is not allowed: ${error.message}`;
      throw new BadRequestException({ message, details: [{ field, message }] });
    }
  }
}
