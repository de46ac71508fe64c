import { Injectable } from '@nestjs/common';
import { AppConfig } from '@hub/config';
import { UnsubscribeClaim, UnsubscribeTokens } from './unsubscribe-token';

/** Makes and reads the public `/u/{token}` unsubscribe links that emails carry. */
@Injectable()
export class UnsubscribeLinks {
  private readonly tokens: UnsubscribeTokens;

  constructor(private readonly config: AppConfig) {
    this.tokens = new UnsubscribeTokens(config.appSecretKey);
  }

  /** `${PUBLIC_URL}/u/{token}`: unsubscribes the contact from the groups named, or from every group. */
  linkFor(accountId: string, contactId: string, groupIds?: string[]): string {
    const groups = groupIds?.length ? [...new Set(groupIds)] : null;
    return `${this.config.publicUrl}/u/${this.tokens.sign({ accountId, contactId, groupIds: groups })}`;
  }

  /** The claim of a genuine token, or null (forged, altered, malformed). */
  read(token: string): UnsubscribeClaim | null {
    return this.tokens.verify(token);
  }
}
