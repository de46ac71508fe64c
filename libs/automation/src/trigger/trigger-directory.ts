import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How long a webhook id → account lookup is trusted. Other api processes see a create, delete or rotation within this time. */
export const TRIGGER_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  accountId: string | null;
  expires: number;
}

/**
 * Which account a webhook id belongs to (null: none), cached in memory for a
 * few seconds because the trigger route is hot. This process forgets an id at
 * once when its workflows change (create, update, delete, rotation); other
 * processes within TRIGGER_CACHE_TTL_MS. Only the account (for the 404 and
 * the log) comes from the cache: which workflows enrol, and their steps, are
 * read in the enrolling transaction.
 */
@Injectable()
export class TriggerDirectory {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<string | null>>();
  /** Bumped by invalidate(): a lookup that started before a change does not cache what it read. */
  private version = 0;

  constructor(private readonly dataSource: DataSource) {}

  async accountOf(webhookId: string): Promise<string | null> {
    const cached = this.entries.get(webhookId);
    if (cached && cached.expires > Date.now()) return cached.accountId;
    let pending = this.inFlight.get(webhookId);
    if (!pending) {
      const loading = this.load(webhookId).finally(() => {
        if (this.inFlight.get(webhookId) === loading) this.inFlight.delete(webhookId);
      });
      pending = loading;
      this.inFlight.set(webhookId, loading);
    }
    return pending;
  }

  invalidate(...webhookIds: string[]): void {
    this.version++;
    for (const id of webhookIds) {
      this.entries.delete(id);
      this.inFlight.delete(id);
    }
  }

  private async load(webhookId: string): Promise<string | null> {
    const version = this.version;
    const rows = await this.dataSource.query<{ account_id: string }[]>('SELECT account_id FROM workflows WHERE webhook_id = $1 LIMIT 1', [webhookId]);
    const accountId = rows[0]?.account_id ?? null;
    if (version !== this.version) return accountId;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(webhookId, { accountId, expires: Date.now() + TRIGGER_CACHE_TTL_MS });
    return accountId;
  }
}
