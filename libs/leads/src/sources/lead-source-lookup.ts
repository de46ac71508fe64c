import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { LeadSourceSecrets } from './lead-source-secrets';
import { LeadSource } from './lead-source.entity';

/** How long a lookup is trusted. A source changed in another api process is seen within this time; in this process at once. */
export const LEAD_SOURCE_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * How the public lead routes find their source. Not account-scoped: Meta and
 * Google name no id of ours, only what the request carries (page ids, the
 * verify token, the Google key), and the request must prove it with a
 * secret of the source it names before anything of that account is touched.
 * The routes are hot (ESP-like bursts), so answers are cached for a few
 * seconds, as the trigger webhook caches its ids.
 */
@Injectable()
export class LeadSourceLookup {
  private readonly cache = new Map<string, { value: unknown; expires: number }>();

  constructor(
    @InjectRepository(LeadSource) private readonly sources: Repository<LeadSource>,
    private readonly secrets: LeadSourceSecrets,
  ) {}

  /** Whether any Meta source has this verify token (the subscription handshake: rare, never cached). */
  async metaVerifyTokenExists(token: string): Promise<boolean> {
    return this.sources.existsBy({ provider: 'meta', verify_token_hash: this.secrets.lookupHash('verify_token', token) });
  }

  /** The Meta sources of these pages (several accounts may have added the same page). */
  async metaSourcesOfPages(pageIds: string[]): Promise<LeadSource[]> {
    const found = await Promise.all(pageIds.map((pageId) => this.cached(`page:${pageId}`, () => this.sources.findBy({ provider: 'meta', page_id: pageId }))));
    return found.flat();
  }

  /** The Google source whose key this is, or null. */
  googleSourceByKey(key: string): Promise<LeadSource | null> {
    const hash = this.secrets.lookupHash('google_key', key);
    return this.cached(`google:${hash}`, () => this.sources.findOneBy({ provider: 'google', google_key_hash: hash }));
  }

  /** A Google source by id (the hub's own test lead, which names it). */
  googleSourceById(id: string): Promise<LeadSource | null> {
    return this.sources.findOneBy({ provider: 'google', id });
  }

  /** A source was created, changed or deleted in this process: forget every answer (they are cheap to load again). */
  invalidate(): void {
    this.cache.clear();
  }

  private async cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key);
    if (hit && hit.expires > Date.now()) return hit.value as T;
    const value = await load();
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, { value, expires: Date.now() + LEAD_SOURCE_CACHE_TTL_MS });
    return value;
  }
}
