import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { Agent } from 'undici';
import { isBlockedAddress } from './address-policy';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * An undici Agent whose connections resolve DNS once and connect only to an
 * address that passed the policy: the address checked is the address used.
 * (IP-literal hosts skip DNS; DestinationGuard checks those before sending.)
 */
export function createSafeAgent(options: { allowPrivate: boolean; connections: number }): Agent {
  const lookup = (hostname: string, opts: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const allowed = options.allowPrivate ? addresses : addresses.filter((entry) => !isBlockedAddress(entry.address));
      if (allowed.length === 0 || allowed.length !== addresses.length) {
        const refused = Object.assign(new Error(`Refused to connect to ${hostname}: it resolves to a private, loopback, link-local or reserved address`), { code: 'BLOCKED_DESTINATION' });
        return callback(refused, []);
      }
      if (opts.all) return callback(null, allowed);
      return callback(null, allowed[0].address, allowed[0].family);
    });
  };
  return new Agent({
    connections: options.connections,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    connect: { lookup: lookup as never },
  });
}
