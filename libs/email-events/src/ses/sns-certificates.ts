import { Injectable, Logger } from '@nestjs/common';
import { X509Certificate } from 'node:crypto';
import { AppConfig } from '@hub/config';
import { isSnsUrl } from './sns-urls';

/** A certificate is kept this long (AWS rotates them rarely, and a new one comes with a new URL). */
const CACHE_MS = 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 100;
const FETCH_TIMEOUT_MS = 5_000;
const MAX_BYTES = 16 * 1024;

/**
 * SNS signing certificates, fetched only from SNS's own hosts
 * (`https://sns.<region>.amazonaws.com[.cn]/….pem`, or an origin named in
 * SNS_EXTRA_ORIGINS: a local stand-in's) and cached, so a burst of SES events
 * costs one fetch. Redirects are not followed; anything else is no certificate.
 */
@Injectable()
export class SnsCertificates {
  private readonly logger = new Logger('SnsCertificates');
  private readonly cache = new Map<string, { pem: string; expires: number }>();
  private readonly inFlight = new Map<string, Promise<string | null>>();

  constructor(private readonly config: AppConfig) {}

  /** Whether the hub may fetch this URL (certificate or subscribe). */
  allows(url: string, kind: 'certificate' | 'subscribe'): boolean {
    return isSnsUrl(url, kind, this.config.snsExtraOrigins);
  }

  /** The PEM at this SNS certificate URL, or null (not an SNS URL, unreachable, not a certificate). */
  async certificate(url: string): Promise<string | null> {
    if (!this.allows(url, 'certificate')) return null;
    const hit = this.cache.get(url);
    if (hit && hit.expires > Date.now()) return hit.pem;
    let pending = this.inFlight.get(url);
    if (!pending) {
      pending = this.fetch(url).finally(() => this.inFlight.delete(url));
      this.inFlight.set(url, pending);
    }
    return pending;
  }

  private async fetch(url: string): Promise<string | null> {
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (response.status !== 200) throw new Error(`answered ${response.status}`);
      const pem = await response.text();
      if (pem.length > MAX_BYTES) throw new Error('is too large for a certificate');
      new X509Certificate(pem);
      if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(url, { pem, expires: Date.now() + CACHE_MS });
      return pem;
    } catch (error) {
      this.logger.warn(`SNS signing certificate ${url} could not be used: ${(error as Error).message}`);
      return null;
    }
  }
}
