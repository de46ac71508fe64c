import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { AppConfig } from '@hub/config';

/** 32 random bytes, base64url: the code in a confirmation link. */
export const SIGNUP_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Confirmation-link tokens. Stored only as an HMAC keyed from APP_SECRET_KEY,
 * so a copy of the database confirms nothing. A token is found by its hash
 * (an index lookup): what PostgreSQL compares is a MAC the caller cannot
 * steer byte by byte, so the lookup's timing tells nothing about a token.
 */
@Injectable()
export class SignupTokens {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = createHmac('sha256', config.appSecretKey).update('signup-confirmation').digest();
  }

  issue(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: this.hash(token) };
  }

  hash(token: string): string {
    return createHmac('sha256', this.key).update(token).digest('hex');
  }
}
