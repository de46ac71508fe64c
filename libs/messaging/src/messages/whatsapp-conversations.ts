import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository } from 'typeorm';
import type { ConversationTurn } from '@hub/payload-formats';
import { FormatContexts } from '@hub/subscriptions';
import { Message } from './message.entity';

/**
 * Answers the `conversation` payload format: the messages exchanged on a
 * WhatsApp channel with one phone, oldest first, from the messages this lib
 * stores (the hub's sends are the bot's turns).
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
    const rows = await this.messages.find({
      where: { account_id: accountId, channel_id: channelId, channel: 'whatsapp', to: phone, status: Not(In(['queued', 'failed'])) },
      order: { created_at: 'DESC' },
      take: limit,
    });
    return rows.reverse().map((message) => ({ direction: 'outbound', text: message.body, at: message.sent_at ?? message.created_at, contentType: 'text', mediaUrl: null }));
  }
}
