import { Injectable } from '@nestjs/common';
import type { Channel } from '@hub/channels';
import { Message } from '../messages/message.entity';
import { EmailTransport } from './email.transport';
import { SendError, SendReceipt } from './send-error';
import { SmsTransport } from './sms.transport';
import { WhatsAppTransport } from './whatsapp.transport';

/** Picks the transport of the channel's type. */
@Injectable()
export class ChannelTransports {
  constructor(
    private readonly email: EmailTransport,
    private readonly whatsapp: WhatsAppTransport,
    private readonly sms: SmsTransport,
  ) {}

  async send(channel: Channel, message: Message): Promise<SendReceipt> {
    if (channel.type !== message.channel) throw new SendError(`Channel ${channel.id} is now a ${channel.type} channel, not ${message.channel}`, true);
    switch (channel.type) {
      case 'email':
        return this.email.send(channel, message);
      case 'whatsapp':
        return this.whatsapp.send(channel, message);
      case 'sms':
        return this.sms.send(channel, message);
    }
  }
}
