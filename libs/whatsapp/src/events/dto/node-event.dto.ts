import { ApiProperty } from '@nestjs/swagger';
import { NODE_EVENTS, NodeEventName } from '../node-event-reader';

/**
 * The envelope of every node event, for Swagger and the docs; the route reads it with readNodeEnvelope (same rules,
 * 400 naming the field). `data` is read per event (422 naming the field it cannot use).
 */
export class NodeEventDto {
  @ApiProperty({ enum: NODE_EVENTS, example: 'messages.upsert' })
  event!: NodeEventName;

  @ApiProperty({ example: 'wa_3q2-7wEvBRj5XU8yPd1sLg', minLength: 1, maxLength: 200 })
  session_id!: string;

  @ApiProperty({
    description: 'Baileys-style: one object, an array of them, or `{messages: [...]}` for messages.upsert (docs/whatsapp-node-service.md gives each shape)',
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'array', items: { type: 'object', additionalProperties: true } }],
    example: {
      key: { remoteJid: '5511999999999@s.whatsapp.net', fromMe: false, id: '3EB0C767D82B0A1B2C3D' },
      message: { conversation: 'Hi, is the shop open on Sunday?' },
      messageTimestamp: '1764752040',
      pushName: 'Customer',
    },
  })
  data!: unknown;
}

/** An envelope as readNodeEnvelope answers it. */
export type NodeEvent = Pick<NodeEventDto, 'event' | 'session_id' | 'data'>;

export class NodeEventAnswerDto {
  @ApiProperty({ example: 1, description: 'Items of `data` stored (each applied once, in the worker)' })
  received!: number;
  @ApiProperty({ example: 0, description: 'Items already stored before (the same message id, or the same status of it): ignored' })
  duplicates!: number;
  @ApiProperty({ example: 0, description: 'Items deliberately not stored: group chats, broadcasts, and messages with neither text nor media (reactions, protocol messages)' })
  ignored!: number;
}
