import type { EmailChannel } from '../../api/types';

/** A thing the channel still lacks before its provider's webhooks can be used, and what happens meanwhile. */
export interface SetupGap {
  /** True when the provider's webhooks are refused until it is fixed. */
  blocking: boolean;
  text: string;
}

/**
 * The path of the channel's webhook URL, which the inbound log filters by.
 * The URL is the hub's own (`PUBLIC_URL` + path); if it cannot be parsed, the
 * text after the host is taken as it is.
 */
export function webhookPath(webhookUrl: string): string {
  try {
    return new URL(webhookUrl).pathname;
  } catch {
    return webhookUrl.replace(/^[a-z]+:\/\/[^/]*/i, '') || '/';
  }
}

/**
 * Postmark's form of the URL, with basic auth in it: `https://user:…@host/path`.
 * The password is never shown (the hub cannot: it is write-only), so `…` stands for it.
 */
export function postmarkUrlForm(webhookUrl: string, user: string | null | undefined): string {
  const name = user ? encodeURIComponent(user) : 'user';
  const match = /^([a-z]+:\/\/)(.*)$/i.exec(webhookUrl);
  return match ? `${match[1]}${name}:…@${match[2]}` : webhookUrl;
}

/** What is missing for the channel's provider, in the order to fix it; empty when nothing is. */
export function setupGaps(channel: EmailChannel): SetupGap[] {
  switch (channel.provider) {
    case 'mailgun':
      return channel.has_webhook_signing_key
        ? []
        : [{ blocking: true, text: 'No signing key yet: Mailgun’s webhooks will be refused (401). Paste the HTTP webhook signing key into “Webhook signing key” below.' }];
    case 'sendgrid':
      return channel.sendgrid_public_key
        ? []
        : [{ blocking: true, text: 'No verification key yet: SendGrid’s webhooks will be refused (401). Paste the Signed Event Webhook’s verification key into “Verification key” below.' }];
    case 'postmark':
      if (!channel.basic_auth) return [{ blocking: true, text: 'No basic auth user and password yet: Postmark’s webhooks will be refused (401). Choose them below.' }];
      return channel.basic_auth.has_password
        ? []
        : [{ blocking: true, text: 'No basic auth password yet: Postmark’s webhooks will be refused (401). Choose one below.' }];
    case 'ses':
      return channel.sns_topic_arn
        ? []
        : [{ blocking: false, text: 'No SNS topic yet: the hub accepts the topic of the first subscription confirmation it receives, and refuses other topics from then on.' }];
    case 'smtp':
      return [];
  }
}
