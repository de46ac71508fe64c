import { Injectable } from '@nestjs/common';
import { SecretBox } from '@hub/database';
import { Endpoint } from './endpoint.entity';

/** Decrypts what an endpoint signs and authenticates with, only where a request is built. */
@Injectable()
export class EndpointCredentials {
  constructor(private readonly box: SecretBox) {}

  /** The current secret first; the previous one too while its 24 h of overlap last. */
  signingSecrets(endpoint: Endpoint, now = new Date()): string[] {
    const secrets = [this.box.decrypt(endpoint.secret_encrypted)];
    if (endpoint.previous_secret_encrypted && endpoint.previous_secret_expires_at && endpoint.previous_secret_expires_at > now) {
      secrets.push(this.box.decrypt(endpoint.previous_secret_encrypted));
    }
    return secrets;
  }

  bearerToken(endpoint: Endpoint): string | null {
    return endpoint.bearer_token_encrypted ? this.box.decrypt(endpoint.bearer_token_encrypted) : null;
  }
}
