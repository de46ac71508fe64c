import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * WHATSAPP_NODE_SECRET, compared as SHA-256 digests: equal lengths for
 * timingSafeEqual, so the time taken says nothing about the secret, not even
 * its length. The secret's own digest is taken once, not per request.
 */
export class NodeSecret {
  private readonly expected: Buffer | null;

  constructor(secret: string | undefined) {
    this.expected = secret ? digest(secret) : null;
  }

  get isSet(): boolean {
    return this.expected !== null;
  }

  matches(given: unknown): boolean {
    if (!this.expected || typeof given !== 'string' || given.length === 0) return false;
    return timingSafeEqual(this.expected, digest(given));
  }
}
