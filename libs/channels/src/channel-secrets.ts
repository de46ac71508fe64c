import { Injectable } from '@nestjs/common';
import { SecretBox } from '@hub/database';
import { Channel } from './channel.entity';

/**
 * The only reader of a channel's decrypted secrets: for transports (SMTP, SMS
 * provider) and webhook verifiers, never for API responses.
 */
@Injectable()
export class ChannelSecrets {
  constructor(private readonly box: SecretBox) {}

  smtpPassword(channel: Channel): string | null {
    return this.open(channel.secrets?.smtp_pass);
  }

  /** Mailgun HTTP webhook signing key. */
  webhookSigningKey(channel: Channel): string | null {
    return this.open(channel.secrets?.webhook_signing_key);
  }

  /** Postmark: the basic auth its webhook requests must carry, or null when none is configured. */
  basicAuth(channel: Channel): { user: string; pass: string } | null {
    const pass = this.open(channel.secrets?.basic_auth_pass);
    return channel.basic_auth_user && pass ? { user: channel.basic_auth_user, pass } : null;
  }

  /** SMS provider bearer token. */
  authToken(channel: Channel): string | null {
    return this.open(channel.secrets?.auth_token);
  }

  private open(stored: string | undefined): string | null {
    return stored ? this.box.decrypt(stored) : null;
  }
}
