import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { AppConfig } from '@hub/config';
import { ipLiteral, isBlockedAddress } from './address-policy';

export class BlockedDestinationError extends Error {
  readonly code = 'BLOCKED_DESTINATION';
}

/**
 * Checks a URL's host before saving, testing and each delivery: an IP literal
 * is judged as is, a name by every address it resolves to. The delivery
 * dispatcher checks again at connect time (see safe-dispatcher.ts), so DNS
 * rebinding between this check and the connection cannot reach an internal host.
 */
@Injectable()
export class DestinationGuard {
  constructor(private readonly config: AppConfig) {}

  get allowPrivate(): boolean {
    return this.config.webhookAllowPrivateNetworks;
  }

  async assertAllowed(rawUrl: string): Promise<void> {
    if (this.allowPrivate) return;
    await this.checkedAddress(new URL(rawUrl).hostname);
  }

  /**
   * The address to connect to for `host` (a name, or an IP literal, bracketed
   * or not), once it passed the policy: connecting to this address rather than
   * resolving the name again means a DNS answer that changes in between cannot
   * reach an internal host. With private networks allowed, `host` itself.
   */
  async checkedAddress(host: string): Promise<string> {
    const literal = ipLiteral(host);
    if (this.allowPrivate) return literal ?? host;
    if (literal) {
      if (isBlockedAddress(literal)) throw new BlockedDestinationError(`${host} is a private, loopback, link-local or reserved address`);
      return literal;
    }
    let addresses: { address: string }[];
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch (error) {
      throw new BlockedDestinationError(`${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? 'DNS error'})`);
    }
    // Which address it resolves to is not said: that would map internal names for whoever asks.
    if (addresses.length === 0 || addresses.some((entry) => isBlockedAddress(entry.address))) {
      throw new BlockedDestinationError(`${host} resolves to a blocked address (private, loopback, link-local or reserved)`);
    }
    return addresses[0].address;
  }
}
