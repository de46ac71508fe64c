import { Injectable } from '@nestjs/common';
import { type Channel, ChannelSecrets } from '@hub/channels';
import { BlockedDestinationError, DestinationGuard, WebhookSender } from '@hub/subscriptions';
import { Message } from '../messages/message.entity';
import { readProviderReply } from './provider-reply';
import { SendError, SendReceipt } from './send-error';

const TIMEOUT_MS = 15_000;

/**
 * Sends SMS through the channel's HTTP provider, Twilio-style: a form POST of
 * `To`, `From`, `Body` to provider_url, `Authorization: Bearer <auth_token>`
 * when the channel has one; 2xx JSON `{sid}` or `{id}` is the provider id.
 * The URL is the account's, so it goes through the same SSRF guard as webhooks
 * (checked before sending and again at connect time).
 */
@Injectable()
export class SmsTransport {
  constructor(
    private readonly sender: WebhookSender,
    private readonly guard: DestinationGuard,
    private readonly secrets: ChannelSecrets,
  ) {}

  async send(channel: Channel, message: Message): Promise<SendReceipt> {
    if (!channel.provider_url || !channel.from_number) throw new SendError(`SMS channel ${channel.id} has no provider URL or from number`, true);
    try {
      await this.guard.assertAllowed(channel.provider_url);
    } catch (error) {
      if (error instanceof BlockedDestinationError) throw new SendError(`SMS provider URL refused: ${error.message}`, true);
      throw error;
    }
    const token = this.secrets.authToken(channel);
    const result = await this.sender.send({
      url: channel.provider_url,
      body: new URLSearchParams({ To: message.to, From: channel.from_number, Body: message.body }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      timeoutMs: TIMEOUT_MS,
    });
    if (result.statusCode === null) throw new SendError(`SMS provider: ${result.error ?? 'no answer'}`, false);
    return readProviderReply('SMS provider', result.statusCode, result.responseBody ?? '', ['sid', 'id']);
  }
}
