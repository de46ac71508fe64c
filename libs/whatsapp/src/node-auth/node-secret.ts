import { createHash, timingSafeEqual } from 'node:crypto';

/** Compared as SHA-256 digests: equal lengths for timingSafeEqual, so the time taken says nothing about the secret, not even its length. */
export function nodeSecretMatches(expected: string | undefined, given: unknown): boolean {
  if (!expected || typeof given !== 'string' || given.length === 0) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}
