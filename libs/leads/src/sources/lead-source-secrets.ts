import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@hub/config';
import { SecretBox } from '@hub/database';
import { LeadSource } from './lead-source.entity';

export type LookupSecret = 'verify_token' | 'google_key';

/**
 * The only reader of a lead source's secrets. The app secret and page access
 * token are encrypted (the hub must use them); the verify token and Google
 * key are only ever compared with what a request carries, so they are kept as
 * keyed hashes: indexable for the lookup, useless to whoever reads the table.
 */
@Injectable()
export class LeadSourceSecrets {
  private readonly hashKey: Buffer;

  constructor(
    private readonly box: SecretBox,
    config: AppConfig,
  ) {
    this.hashKey = createHmac('sha256', config.appSecretKey).update('lead-source-lookup').digest();
  }

  encrypt(plain: string): string {
    return this.box.encrypt(plain);
  }

  lookupHash(kind: LookupSecret, value: string): string {
    return createHmac('sha256', this.hashKey).update(`${kind}:${value}`).digest('hex');
  }

  /** Constant-time: whether `value` is the secret whose hash is stored. */
  matches(kind: LookupSecret, value: string, storedHash: string | null): boolean {
    if (!storedHash) return false;
    const given = Buffer.from(this.lookupHash(kind, value), 'hex');
    const stored = Buffer.from(storedHash, 'hex');
    return given.length === stored.length && timingSafeEqual(given, stored);
  }

  appSecret(source: LeadSource): string | null {
    return source.secrets?.app_secret ? this.box.decrypt(source.secrets.app_secret) : null;
  }

  pageAccessToken(source: LeadSource): string | null {
    return source.secrets?.page_access_token ? this.box.decrypt(source.secrets.page_access_token) : null;
  }
}
