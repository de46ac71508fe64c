import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { ConversationTurn } from '@hub/payload-formats';
import { FormatContexts } from '@hub/subscriptions';
import { Message } from './message.entity';

/**
 * Answers the `conversation` payload format: the messages exchanged on a
 * WhatsApp channel with one phone, oldest first — received ones (the user's
 * turns) and sent ones, by the hub or from the phone (the bot's turns).
 * Sends still queued or failed never reached the user and are left out.
 */
@Injectable()
export class WhatsappConversations implements OnModuleInit {
  constructor(
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    private readonly contexts: FormatContexts,
  ) {}

  onModuleInit(): void {
    this.contexts.answerConversationsWith((accountId, channelId, phone, limit) => this.turns(accountId, channelId, phone, limit));
  }

  async turns(accountId: string, channelId: string, phone: string, limit: number): Promise<ConversationTurn[]> {
    const rows = await this.messages
      .createQueryBuilder('m')
      .where('m.account_id = :accountId AND m.channel_id = :channelId AND m.channel = :channel', { accountId, channelId, channel: 'whatsapp' })
      .andWhere("((m.direction = 'inbound' AND m.from = :phone) OR (m.direction = 'outbound' AND m.to = :phone AND m.status NOT IN ('queued', 'failed')))", { phone })
      .orderBy('m.created_at', 'DESC')
      .take(limit)
      .getMany();
    return rows.reverse().map((message) => ({
      id: message.provider_message_id,
      direction: message.direction,
      text: message.body === '' && message.media_type ? null : message.body,
      at: message.direction === 'inbound' ? message.created_at : (message.sent_at ?? message.created_at),
      contentType: message.media_type ?? 'text',
      mediaUrl: null,
    }));
  }
}
