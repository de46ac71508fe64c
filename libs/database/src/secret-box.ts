import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import { AppConfig } from '@hub/config';

const VERSION = 'v1';
const IV_BYTES = 12;
/** IVs drawn from the CSPRNG this many at a time: one call per IV was most of an encryption's cost. */
const IVS_PER_DRAW = 256;

/**
 * AES-256-GCM encryption of secrets at rest (endpoint secrets, provider keys,
 * SMTP passwords, tokens). Stored form: `v1.<iv>.<tag>.<ciphertext>` in base64url.
 */
@Injectable()
export class SecretBox {
  /** Imported once: a raw key Buffer is imported again by every createCipheriv. */
  private readonly key: KeyObject;
  private ivs = Buffer.alloc(0);
  private nextIv = 0;

  constructor(config: AppConfig) {
    this.key = createSecretKey(createHash('sha256').update(config.appSecretKey).digest());
  }

  /** A fresh random IV (GCM must never see an IV twice under one key); each pooled IV is handed out once. */
  private iv(): Buffer {
    if (this.nextIv + IV_BYTES > this.ivs.length) {
      this.ivs = randomBytes(IV_BYTES * IVS_PER_DRAW);
      this.nextIv = 0;
    }
    const iv = this.ivs.subarray(this.nextIv, this.nextIv + IV_BYTES);
    this.nextIv += IV_BYTES;
    return iv;
  }

  encrypt(plain: string): string {
    const iv = this.iv();
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}.${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${data.toString('base64url')}`;
  }

  decrypt(stored: string): string {
    const [version, iv, tag, data] = stored.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('Unrecognised encrypted secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }

  encryptOptional(plain: string | null | undefined): string | null {
    return plain === null || plain === undefined || plain === '' ? null : this.encrypt(plain);
  }
}
