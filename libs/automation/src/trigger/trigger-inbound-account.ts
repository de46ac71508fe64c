import { Injectable, OnModuleInit } from '@nestjs/common';
import { InboundAccounts } from '@hub/inbound-log';
import { TriggerDirectory } from './trigger-directory';

/** A trigger call refused before its handler (bad JSON, too large, the request guard) is logged under the webhook id's account. */
@Injectable()
export class TriggerInboundAccount implements OnModuleInit {
  constructor(
    private readonly accounts: InboundAccounts,
    private readonly directory: TriggerDirectory,
  ) {}

  onModuleInit(): void {
    this.accounts.register('automation', async ({ webhookId }) => (webhookId ? ((await this.directory.lookup(webhookId))?.accountId ?? null) : null));
  }
}
