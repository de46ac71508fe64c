import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { LeadSourceSecrets } from './lead-source-secrets';
import { LeadSource } from './lead-source.entity';

/**
 * How the public lead routes find their source. Not account-scoped: Meta and
 * Google name no id of ours, only what the request carries (page ids, the
 * verify token, the Google key), and the request must prove it with a
 * secret of the source it names before anything of that account is touched.
 */
@Injectable()
export class LeadSourceLookup {
  constructor(
    @InjectRepository(LeadSource) private readonly sources: Repository<LeadSource>,
    private readonly secrets: LeadSourceSecrets,
  ) {}

  /** Whether any Meta source has this verify token (the subscription handshake). */
  async metaVerifyTokenExists(token: string): Promise<boolean> {
    return this.sources.existsBy({ provider: 'meta', verify_token_hash: this.secrets.lookupHash('verify_token', token) });
  }

  /** The Meta sources of these pages (several accounts may have added the same page). */
  metaSourcesOfPages(pageIds: string[]): Promise<LeadSource[]> {
    return pageIds.length ? this.sources.findBy({ provider: 'meta', page_id: In(pageIds) }) : Promise.resolve([]);
  }

  /** A Google source by id (the hub's own test lead, which names it). */
  googleSourceById(id: string): Promise<LeadSource | null> {
    return this.sources.findOneBy({ provider: 'google', id });
  }

  /** The Google source whose key this is, or null. */
  googleSourceByKey(key: string): Promise<LeadSource | null> {
    return this.sources.findOneBy({ provider: 'google', google_key_hash: this.secrets.lookupHash('google_key', key) });
  }
}
