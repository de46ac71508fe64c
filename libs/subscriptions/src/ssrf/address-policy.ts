import * as ipaddr from 'ipaddr.js';

/**
 * Only globally routable unicast addresses may receive webhooks. ipaddr.js
 * names every special range (loopback, private, link-local incl. the
 * 169.254.169.254 metadata address, CGNAT, unspecified 0.0.0.0/::, unique-local,
 * multicast, reserved, 6to4/Teredo/NAT64 wrappers…); anything but "unicast" is
 * refused. IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 it wraps.
 */
export function isBlockedAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() !== 'unicast';
}

/** A URL hostname that is an IP literal, unbracketed; undefined for a name. */
export function ipLiteral(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : undefined;
}
