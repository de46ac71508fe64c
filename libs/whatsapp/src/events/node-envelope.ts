import { BadRequestException } from '@nestjs/common';
import type { NodeEvent } from './dto/node-event.dto';
import { NODE_EVENTS, NodeEventName } from './node-event-reader';

const MAX_SESSION_ID = 200;
const FIELDS = new Set(['event', 'session_id', 'data']);

function refuse(field: string | undefined, message: string): BadRequestException {
  return new BadRequestException({ message, details: [field === undefined ? { message } : { field, message }] });
}

/**
 * Reads the envelope every node event comes in (NodeEventDto documents it),
 * answering the global validation pipe's 400 naming the field. Read by hand
 * because the pipe deep-copies the free-form `data` with class-transformer,
 * walks it twice more, and looks up class-validator's metadata over every
 * DTO class: together about a tenth of the api's CPU per node event (bench
 * profile). `data` itself is read by readNodeEvent (422 naming the field).
 */
export function readNodeEnvelope(body: unknown): NodeEvent {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw refuse(undefined, 'The body must be a JSON object');
  const fields = body as Record<string, unknown>;
  for (const name of Object.keys(fields)) if (!FIELDS.has(name)) throw refuse(name, `property ${name} should not exist`);
  const { event, session_id: sessionId, data } = fields;
  if (!NODE_EVENTS.includes(event as NodeEventName)) throw refuse('event', `event must be one of the following values: ${NODE_EVENTS.join(', ')}`);
  if (typeof sessionId !== 'string' || sessionId.length === 0 || sessionId.length > MAX_SESSION_ID) {
    throw refuse('session_id', `session_id must be a string of 1 to ${MAX_SESSION_ID} characters`);
  }
  if (data === undefined || data === null) throw refuse('data', 'data should not be null or undefined');
  return { event: event as NodeEventName, session_id: sessionId, data };
}
