import { Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { inboundSourceOf } from '../log/inbound-request';

/** Whose request this is, from what the route's URL names (a webhook id, a channel id…); null when it names nobody's. */
export type InboundAccountOf = (params: Record<string, string | undefined>) => Promise<string | null>;

/**
 * A request refused before its handler ran (malformed JSON, 413, 415, the
 * request guard) never reached the lookup that tells whose it is, yet its
 * owner is the one who needs to see it in the inbound log. Each module with
 * an inbound route registers how its URL names an account; the log asks
 * here for rejections that did not learn it on the way.
 */
@Injectable()
export class InboundAccounts {
  private readonly logger = new Logger('InboundAccounts');
  private readonly bySource = new Map<string, InboundAccountOf>();

  register(source: string, accountOf: InboundAccountOf): void {
    this.bySource.set(source, accountOf);
  }

  async of(request: FastifyRequest): Promise<string | null> {
    const source = inboundSourceOf(request);
    const accountOf = source === undefined ? undefined : this.bySource.get(source);
    if (!accountOf) return null;
    try {
      return await accountOf((request.params ?? {}) as Record<string, string | undefined>);
    } catch (error) {
      // Unreadable ids (hostile paths) find nobody; the rejection is still logged, without an account.
      this.logger.debug(`No account for a ${source} rejection: ${(error as Error).message}`);
      return null;
    }
  }
}
