import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiErrors } from '@hub/http';
import { NodeRoute } from '../node-auth/node-route.decorator';
import { NodeEventAnswerDto, NodeEventDto } from './dto/node-event.dto';
import { NodeWebhookService } from './node-webhook.service';

const SESSION = 'wa_3q2-7wEvBRj5XU8yPd1sLg';

/** One example per event, as the node sends it (docs/whatsapp-node-service.md). */
const EXAMPLES = {
  'messages.upsert': {
    event: 'messages.upsert',
    session_id: SESSION,
    data: { key: { remoteJid: '5511999999999@s.whatsapp.net', fromMe: false, id: '3EB0C767D82B0A1B2C3D' }, message: { conversation: 'Hi, is the shop open on Sunday?' }, messageTimestamp: '1764752040', pushName: 'Customer' },
  },
  'messages.update': { event: 'messages.update', session_id: SESSION, data: { keyId: '3EB0A1B2C3D4E5F60718', fromMe: true, status: 3 } },
  'messages.delete': { event: 'messages.delete', session_id: SESSION, data: { id: '3EB0A1B2C3D4E5F60718', fromMe: true, remoteJid: '5511999999999@s.whatsapp.net' } },
  'connection.update': { event: 'connection.update', session_id: SESSION, data: { state: 'open', phone: '+5511987654321' } },
  call: { event: 'call', session_id: SESSION, data: { id: '8A1F3C5E7B9D2F4A6C8E0B1D3F5A7C9E', from: '5511912345678@s.whatsapp.net', status: 'offer' } },
  'send.message': {
    event: 'send.message',
    session_id: SESSION,
    data: { key: { remoteJid: '5511999999999@s.whatsapp.net', fromMe: true, id: '3EB0F1E2D3C4B5A69788' }, message: { conversation: 'Yes, 10:00 to 14:00' }, messageTimestamp: 1764752100 },
  },
};

@Controller('api/whatsapp/node/webhook')
@ApiExtraModels(NodeEventDto)
export class NodeWebhookController {
  constructor(private readonly webhook: NodeWebhookService) {}

  @Post()
  @HttpCode(200)
  @NodeRoute()
  @ApiOperation({
    summary: 'Events of a session (Baileys-style): stored with the inbound log row, answered, then applied in the worker',
    description:
      'messages.upsert: the sender becomes or updates a contact, the message is stored, message.received is emitted (fromMe: stored as sent from the phone, message.sent). ' +
      'messages.update: status 1/2/3 of a message the hub sent → message.sent/delivered/opened, never backwards. messages.delete → message.deleted. ' +
      'connection.update: open → connected, close → disconnected (whatsapp.session.updated). call → whatsapp.call. send.message: a message the node sent, recorded like a fromMe upsert. ' +
      'A message id (or the same status of it) already stored for the channel is counted and ignored.',
  })
  @ApiBody({ type: NodeEventDto, examples: Object.fromEntries(Object.entries(EXAMPLES).map(([name, value]) => [name, { value }])) })
  @ApiOkResponse({ type: NodeEventAnswerDto })
  @ApiErrors(400, 401, 404, 413, 415, 422, 503)
  receive(@Req() request: FastifyRequest, @Body() body: unknown): Promise<NodeEventAnswerDto> {
    return this.webhook.receive(request, body);
  }
}
