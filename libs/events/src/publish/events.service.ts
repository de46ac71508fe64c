import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChannelKind, findEventType, isKnownEventType } from '../catalog';
import { ChannelDirectory } from './channel-directory';
import { EventDataValidator } from './event-data-validator';
import { EventPublisher } from './event-publisher';
import { PublishEventDto } from './dto/publish-event.dto';

// The engine's own events: published only by the delivery engine and test sends.
const RESERVED_TYPES = new Set(['webhook.test', 'endpoint.disabled', 'delivery.exhausted']);

function badField(field: string, message: string): BadRequestException {
  return new BadRequestException({ message, details: [{ field, message }] });
}

@Injectable()
export class EventsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly validator: EventDataValidator,
    private readonly channels: ChannelDirectory,
  ) {}

  async publishFromApi(accountId: string, dto: PublishEventDto, idempotencyKey?: string): Promise<{ id: string; replayed: boolean }> {
    if (!isKnownEventType(dto.type)) throw badField('type', `type "${dto.type}" is not in the event catalog and is not custom.<name>`);
    if (RESERVED_TYPES.has(dto.type)) throw badField('type', `type "${dto.type}" is published by the hub itself`);
    const problems = this.validator.problems(dto.type, dto.data);
    if (problems.length > 0) throw new BadRequestException({ message: problems.map((p) => p.message).join('; '), details: problems });
    const definition = findEventType(dto.type);
    if (dto.channel && definition && definition.channels.length > 0 && !definition.channels.includes(dto.channel)) {
      throw badField('channel', `${dto.type} does not apply to channel ${dto.channel}`);
    }
    const event = { accountId, type: dto.type, data: dto.data, channel: dto.channel ?? null, channelId: null };
    // The common case is one statement (event + deliveries), so it needs no transaction of its own.
    if (!dto.channel_id && !idempotencyKey) return { id: (await this.publisher.publish(this.dataSource.manager, event)).id, replayed: false };
    let channel: ChannelKind | null = dto.channel ?? null;
    if (dto.channel_id) {
      // The channels lib answers through the directory: it depends on this one, not the other way round.
      const kind = await this.channels.kindOf(accountId, dto.channel_id);
      if (!kind) throw new NotFoundException(`Channel ${dto.channel_id} not found`);
      if (channel && channel !== kind) throw badField('channel', `channel ${channel} does not match channel_id's type ${kind}`);
      channel = kind;
    }
    return this.dataSource.transaction(async (tx) => {
      const scoped = { ...event, channel, channelId: dto.channel_id ?? null };
      if (!idempotencyKey) return { id: (await this.publisher.publish(tx, scoped)).id, replayed: false };
      const result = await this.publisher.publishIdempotent(tx, scoped, idempotencyKey);
      return { id: result.event.id, replayed: result.replayed };
    });
  }
}
