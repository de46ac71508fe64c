import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** Who unsubscribes from what: the groups named, or every group when `groupIds` is null. */
export interface UnsubscribeClaim {
  accountId: string;
  contactId: string;
  groupIds: string[] | null;
}

const VERSION = 1;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MAC_BYTES = 32;
/** Keeps links short enough for every mail client. */
export const MAX_TOKEN_GROUPS = 20;

function uuidBytes(id: string): Buffer {
  if (!UUID.test(id)) throw new Error(`Not a UUID: ${id}`);
  return Buffer.from(id.replace(/-/g, ''), 'hex');
}

function uuidString(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Signed, opaque unsubscribe tokens: base64url(payload) + '.' +
 * base64url(HMAC-SHA256(key, payload)), payload = version byte, account,
 * contact and group ids as raw 16-byte UUIDs. The key is derived (HKDF) from
 * APP_SECRET_KEY for this one purpose, so nobody without it can make or alter
 * a token, and the check is constant-time.
 */
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(appSecretKey: string) {
    this.key = Buffer.from(hkdfSync('sha256', appSecretKey, 'webhook-hub', 'unsubscribe-link/v1', 32));
  }

  sign(claim: UnsubscribeClaim): string {
    const groups = claim.groupIds ?? [];
    if (groups.length > MAX_TOKEN_GROUPS) throw new Error(`An unsubscribe link names at most ${MAX_TOKEN_GROUPS} groups`);
    const payload = Buffer.concat([Buffer.from([VERSION]), uuidBytes(claim.accountId), uuidBytes(claim.contactId), ...groups.map(uuidBytes)]);
    return `${payload.toString('base64url')}.${this.mac(payload).toString('base64url')}`;
  }

  /** The claim of a genuine token; null for anything else (malformed, altered, signed with another key). */
  verify(token: string): UnsubscribeClaim | null {
    const parts = token.split('.');
    if (parts.length !== 2 || !parts.every((part) => BASE64URL.test(part))) return null;
    const payload = Buffer.from(parts[0], 'base64url');
    const mac = Buffer.from(parts[1], 'base64url');
    if (mac.length !== MAC_BYTES || !timingSafeEqual(mac, this.mac(payload))) return null;
    if (payload[0] !== VERSION || payload.length < 33 || (payload.length - 33) % 16 !== 0) return null;
    const groupIds: string[] = [];
    for (let offset = 33; offset < payload.length; offset += 16) groupIds.push(uuidString(payload.subarray(offset, offset + 16)));
    return {
      accountId: uuidString(payload.subarray(1, 17)),
      contactId: uuidString(payload.subarray(17, 33)),
      groupIds: groupIds.length ? groupIds : null,
    };
  }

  private mac(payload: Buffer): Buffer {
    return createHmac('sha256', this.key).update(payload).digest();
  }
}
