import { Injectable, NotFoundException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { inboundState } from '@hub/inbound-log';
import { NodeEventAnswerDto } from './dto/node-event.dto';
import { readNodeEnvelope } from './node-envelope';
import { NodeEventIntake } from './node-event-intake';
import { readNodeEvent } from './node-event-reader';
import { SessionLookup } from './session-lookup';

/** The node webhook: session (404), data read (422), stored with its log row, answered; the worker applies it. */
@Injectable()
export class NodeWebhookService {
  constructor(
    private readonly lookup: SessionLookup,
    private readonly intake: NodeEventIntake,
  ) {}

  async receive(request: FastifyRequest, rawBody: unknown): Promise<NodeEventAnswerDto> {
    const body = readNodeEnvelope(rawBody);
    const session = await this.lookup.find(body.session_id);
    if (!session) throw new NotFoundException(`No WhatsApp channel has session_id ${body.session_id}`);
    inboundState(request).accountId = session.accountId;
    const read = readNodeEvent(body.event, body.data);
    const { added, duplicates } = await this.intake.store(request, session, body.event, read.events);
    return { received: added, duplicates, ignored: read.ignored };
  }
}
