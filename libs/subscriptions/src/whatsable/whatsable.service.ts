import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, DeepPartial, Not, IsNull, Repository } from 'typeorm';
import { AccountScope, SecretBox } from '@hub/database';
import { generateEndpointSecret } from '../signing/endpoint-secret';
import { webhookUrlProblem } from '../ssrf/webhook-url';
import { EndpointDestinations } from '../endpoints/endpoint-destinations';
import { EndpointQuotas } from '../endpoints/endpoint-quotas';
import { Endpoint } from '../endpoints/endpoint.entity';
import { fieldErrors } from '../endpoints/endpoint-rules';
import { WhatsableWebhookDto } from './dto/whatsable.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toWebhook(endpoint: Endpoint): WhatsableWebhookDto {
  return { id: endpoint.id, created_at: endpoint.created_at, webhook: endpoint.url ?? '', user_id: endpoint.account_id };
}

/**
 * WhatsAble's webhook API over our endpoints: a "webhook" is an endpoint with a
 * common URL and general scope, subscribed to received messages in the
 * `conversation` format (the body WhatsAble's receivers expect; a received
 * email or SMS, which that format cannot express, arrives as standard).
 * Created without verification, as WhatsAble does; the SSRF policy still applies.
 */
@Injectable()
export class WhatsableService {
  private readonly scope: AccountScope<Endpoint>;

  constructor(
    @InjectRepository(Endpoint) private readonly repository: Repository<Endpoint>,
    private readonly destinations: EndpointDestinations,
    private readonly quotas: EndpointQuotas,
    private readonly dataSource: DataSource,
    private readonly box: SecretBox,
  ) {
    this.scope = new AccountScope(repository, 'Webhook');
  }

  async list(accountId: string): Promise<WhatsableWebhookDto[]> {
    const endpoints = await this.scope.find(accountId, { where: { url: Not(IsNull()) }, order: { created_at: 'DESC', id: 'DESC' } });
    return endpoints.map(toWebhook);
  }

  async create(accountId: string, webhook: string): Promise<WhatsableWebhookDto> {
    const problem = webhookUrlProblem(webhook);
    if (problem) throw fieldErrors([{ field: 'webhook', message: `webhook ${problem}` }]);
    await this.destinations.assertAllowed([{ field: 'webhook', url: webhook }]);
    const values = { url: webhook, event_types: ['message.received'], event_urls: {}, channel_id: null, headers: {}, enabled: true, payload_format: 'conversation' as const };
    const saved = await this.dataSource.transaction(async (tx) => {
      await this.quotas.assertRoomFor(accountId, { ...values, id: null }, tx);
      return this.scope.create(accountId, { ...values, secret_encrypted: this.box.encrypt(generateEndpointSecret()) } as DeepPartial<Endpoint>, tx);
    });
    return toWebhook(saved);
  }

  /** Looked up across accounts on purpose: WhatsAble answers 403 (not 404) for another account's webhook. */
  async remove(accountId: string, id: string): Promise<void> {
    const endpoint = UUID.test(id) ? await this.repository.findOneBy({ id }) : null;
    if (!endpoint) throw new NotFoundException(`Webhook ${id} not found`);
    if (endpoint.account_id !== accountId) throw new ForbiddenException(`Webhook ${id} belongs to another account`);
    await this.scope.remove(accountId, id);
  }
}
