import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Agent, request } from 'undici';
import { AppConfig } from '@hub/config';
import type { Channel } from '@hub/channels';
import { Message } from '../messages/message.entity';
import { readProviderReply } from './provider-reply';
import { SendError, SendReceipt } from './send-error';
import { describeRequestError, readCappedText } from './http-reply';

const TIMEOUT_MS = 15_000;

/**
 * Sends WhatsApp text through the WhatsApp node service (the contract is in
 * libs/messaging/README.md): POST {WHATSAPP_NODE_URL}/sessions/{session_id}/messages
 * `{to, text}` with `X-Node-Secret`, answered 2xx `{id}`. The node service is
 * the operator's own (usually on a private network), so this is not SSRF-guarded.
 */
@Injectable()
export class WhatsAppTransport implements OnModuleDestroy {
  private readonly agent = new Agent({ connections: 16, keepAliveTimeout: 30_000 });

  constructor(private readonly config: AppConfig) {}

  async send(channel: Channel, message: Message): Promise<SendReceipt> {
    if (!channel.session_id) throw new SendError(`WhatsApp channel ${channel.id} has no session`, true);
    const secret = this.config.whatsappNodeSecret;
    if (!secret) throw new SendError('WHATSAPP_NODE_SECRET is not set: the hub cannot call the WhatsApp node service', true);
    const url = `${this.config.whatsappNodeUrl}/sessions/${encodeURIComponent(channel.session_id)}/messages`;
    let status: number;
    let body: string;
    try {
      const response = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-node-secret': secret },
        body: JSON.stringify({ to: message.to, text: message.body }),
        dispatcher: this.agent,
        headersTimeout: TIMEOUT_MS,
        bodyTimeout: TIMEOUT_MS,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = response.statusCode;
      body = await readCappedText(response.body);
    } catch (error) {
      throw new SendError(`WhatsApp node service: ${describeRequestError(error, TIMEOUT_MS)}`, false);
    }
    return readProviderReply('WhatsApp node service', status, body, ['id']);
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.close();
  }
}
