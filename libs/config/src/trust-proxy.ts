import * as ipaddr from 'ipaddr.js';

/** What Fastify's `trustProxy` gets: off, a hop count, or the proxies' addresses / CIDRs. */
export type TrustProxy = false | number | string[];

/** Names proxy-addr (Fastify's parser of X-Forwarded-For) knows for whole ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  if (!entry.includes('/')) return ipaddr.isValid(entry);
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
}

/**
 * TRUST_PROXY: `false` (default: the client is the TCP peer, X-Forwarded-For
 * is ignored), a hop count (`1`: one proxy in front, the address it appends
 * is the client), or a comma-separated list of proxy addresses / CIDRs /
 * loopback|linklocal|uniquelocal. `true` is refused on purpose: it trusts the
 * left-most X-Forwarded-For entry, which any client writes itself.
 * Returns the value, or the problem in words.
 */
export function parseTrustProxy(raw: string): TrustProxy | { problem: string } {
  const value = raw.trim();
  if (value === '' || value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value) <= 10 ? Number(value) : { problem: 'a hop count must be at most 10' };
  if (value === 'true') return { problem: 'true would trust any X-Forwarded-For a client sends; give the hop count (1 for one proxy) or the proxy addresses' };
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  const bad = entries.find((entry) => !isAddressOrCidr(entry));
  if (bad !== undefined || entries.length === 0) return { problem: `${bad ?? value} is not an IP address, a CIDR or loopback/linklocal/uniquelocal` };
  return entries;
}
