import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How long a webhook id → account lookup is trusted. Other api processes see a create, delete or rotation within this time. */
export const TRIGGER_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/** Whose webhook id it is, and how many active workflows it enrols into (the answer's `workflows_triggered`). */
export interface TriggerTarget {
  accountId: string;
  activeWorkflows: number;
}

interface Entry {
  target: TriggerTarget | null;
  expires: number;
}

/**
 * Which account a webhook id belongs to (null: none) and how many of its
 * workflows are active, cached in memory for a few seconds because the
 * trigger route is hot. This process forgets an id at once when its workflows
 * change (create, update, delete, rotation); other processes within
 * TRIGGER_CACHE_TTL_MS. The cache answers the 404 and the counts in the 200;
 * which workflows enrol, and their steps, are read by the worker when it
 * processes the stored request.
 */
@Injectable()
export class TriggerDirectory {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<TriggerTarget | null>>();
  /** Bumped by invalidate(): a lookup that started before a change does not cache what it read. */
  private version = 0;

  constructor(private readonly dataSource: DataSource) {}

  async lookup(webhookId: string): Promise<TriggerTarget | null> {
    const cached = this.entries.get(webhookId);
    if (cached && cached.expires > Date.now()) return cached.target;
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

  private async load(webhookId: string): Promise<TriggerTarget | null> {
    const version = this.version;
    const rows = await this.dataSource.query<{ account_id: string; active: number }[]>(
      'SELECT account_id, count(*) FILTER (WHERE active)::int AS active FROM workflows WHERE webhook_id = $1 GROUP BY account_id LIMIT 1',
      [webhookId],
    );
    const target = rows[0] ? { accountId: rows[0].account_id, activeWorkflows: rows[0].active } : null;
    if (version !== this.version) return target;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(webhookId, { target, expires: Date.now() + TRIGGER_CACHE_TTL_MS });
    return target;
  }
}
