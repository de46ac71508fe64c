import * as ipaddr from 'ipaddr.js';

const v4 = (high: number, low: number) => ipaddr.IPv4.parse(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);

/**
 * The IPv4 address an IPv6 address carries, for the forms that reach it:
 * IPv4-mapped (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), the NAT64
 * well-known prefix (64:ff9b::a.b.c.d) and 6to4 (2002:AABB:CCDD::). `null` for
 * forms refused whatever they carry: IPv4-compatible (::a.b.c.d, deprecated,
 * and ipaddr.js calls it plain unicast, so ::127.0.0.1 used to pass), local-use
 * NAT64 (64:ff9b:1::/48, an operator's own translator) and Teredo.
 * `undefined`: no IPv4 inside.
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null | undefined {
  const p = address.parts;
  switch (address.range()) {
    case 'ipv4Mapped':
      return address.toIPv4Address();
    case 'rfc6145':
    case 'rfc6052':
      return p[2] === 0 ? v4(p[6], p[7]) : null;
    case '6to4':
      return v4(p[1], p[2]);
    case 'teredo':
      return null;
    default:
      return p.slice(0, 6).every((part) => part === 0) ? null : undefined;
  }
}

/**
 * An IPv6 address with a dotted tail in the hex form the WHATWG URL parser
 * gives: ipaddr.js reads any dotted tail as IPv4-mapped (::8.8.8.8 as
 * ::ffff:8.8.8.8), while a socket connects to the IPv4-compatible ::808:808.
 */
function hexForm(address: string): string {
  return new URL(`http://[${address}]/`).hostname.slice(1, -1);
}

/**
 * Only globally routable unicast addresses may receive webhooks. ipaddr.js
 * names every special range (loopback, private, link-local incl. the
 * 169.254.169.254 metadata address, CGNAT, unspecified 0.0.0.0/::, unique-local,
 * multicast, reserved…); anything but "unicast" is refused. An IPv6 address
 * that carries an IPv4 address is judged by that IPv4 address (see embeddedIPv4).
 */
export function isBlockedAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  let canonical = address;
  if (address.includes(':') && address.includes('.')) {
    try {
      canonical = hexForm(address);
    } catch {
      return true;
    }
  }
  const parsed = ipaddr.parse(canonical);
  if (parsed.kind() === 'ipv4') return parsed.range() !== 'unicast';
  const embedded = embeddedIPv4(parsed as ipaddr.IPv6);
  if (embedded === null) return true;
  return (embedded ?? parsed).range() !== 'unicast';
}

/** A URL hostname that is an IP literal, unbracketed; undefined for a name. */
export function ipLiteral(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : undefined;
}
