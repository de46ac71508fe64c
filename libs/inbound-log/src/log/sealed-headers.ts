import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { SecretBox } from '@hub/database';

const MAX_SEALED = 1_000;

/**
 * The original values of a request's redacted headers, encrypted, so a replay
 * can send them again. A sender's credential is the same on every request
 * (the WhatsApp node's X-Node-Secret, an ESP's basic auth), so each distinct
 * set is encrypted once per process and its ciphertext stored again after
 * that (the cache is keyed by a SHA-256 of the values, never by the values).
 * An AES-GCM encryption per request was ~6 % of the node webhook's CPU.
 */
@Injectable()
export class SealedHeaders {
  private readonly sealed = new Map<string, string>();

  constructor(private readonly secrets: SecretBox) {}

  seal(values: Record<string, unknown>): string {
    const plain = JSON.stringify(values);
    const key = createHash('sha256').update(plain).digest('base64');
    const known = this.sealed.get(key);
    if (known) return known;
    const stored = this.secrets.encrypt(plain);
    if (this.sealed.size >= MAX_SEALED) this.sealed.delete(this.sealed.keys().next().value as string);
    this.sealed.set(key, stored);
    return stored;
  }

  open(stored: string): Record<string, string> {
    return JSON.parse(this.secrets.decrypt(stored)) as Record<string, string>;
  }
}
