import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { normalizeEmail, normalizePhone } from '@hub/contacts';
import { AccountScope } from '@hub/database';
import { decodeCursor, toPage } from '@hub/http';
import { MessageDto, MessagePageDto, MessageQueryDto } from './dto/message.dto';
import { MessageProviderEvent } from '../provider-events/provider-event.entity';
import { Message } from './message.entity';
import { toMessageDto, toMessageSummary } from './message-views';

/** A `to` filter matches the stored form: lower-cased email, or E.164 when it reads as a phone. */
function storedRecipient(raw: string): string {
  if (raw.includes('@')) return normalizeEmail(raw) ?? raw;
  return normalizePhone(raw) ?? raw.trim();
}

/** Reads of the caller's account's messages. */
@Injectable()
export class MessageQueries {
  private readonly scope: AccountScope<Message>;

  constructor(
    @InjectRepository(Message) repository: Repository<Message>,
    @InjectRepository(MessageProviderEvent) private readonly providerEvents: Repository<MessageProviderEvent>,
  ) {
    this.scope = new AccountScope(repository, 'Message');
  }

  async list(accountId: string, query: MessageQueryDto): Promise<MessagePageDto> {
    const qb = this.scope.queryBuilder(accountId, 'm');
    if (query.channel_id) qb.andWhere('m.channel_id = :channelId', { channelId: query.channel_id });
    if (query.contact_id) qb.andWhere('m.contact_id = :contactId', { contactId: query.contact_id });
    if (query.direction) qb.andWhere('m.direction = :direction', { direction: query.direction });
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.to) qb.andWhere('m.to = :to', { to: storedRecipient(query.to) });
    const cursor = decodeCursor(query.cursor);
    if (cursor) qb.andWhere('(m.created_at, m.id) < (:at, :cid)', { at: cursor.createdAt, cid: cursor.id });
    const rows = await qb.orderBy('m.created_at', 'DESC').addOrderBy('m.id', 'DESC').take(query.limit + 1).getMany();
    return toPage(rows, query.limit, toMessageSummary);
  }

  /** The message with what its provider reported (at most the last 200 events, oldest first). */
  async get(accountId: string, id: string): Promise<MessageDto> {
    const message = await this.scope.get(accountId, id);
    const events = await this.providerEvents.find({ where: { account_id: accountId, message_id: message.id }, order: { occurred_at: 'DESC', created_at: 'DESC' }, take: 200 });
    return toMessageDto(message, events.reverse());
  }
}
