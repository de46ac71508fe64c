import { ulid } from 'ulid';
import { findEventType } from '@hub/events';
import { standardEnvelope } from '../delivery/event-envelope';

export const TEST_EVENT_TYPE = 'webhook.test';

export interface TestEventInput {
  accountId: string;
  type: string;
  /** The endpoint being verified or tested; null for an unsaved URL. */
  endpointId: string | null;
  /** The endpoint's channel, when it is scoped to one. */
  channel?: { id: string; type: string } | null;
  now?: Date;
}

export interface TestEvent {
  id: string;
  body: string;
}

function exampleData(type: string, endpointId: string | null, now: Date): Record<string, unknown> {
  if (type === TEST_EVENT_TYPE) {
    return { message: 'This is a test event from Webhook Hub.', endpoint_id: endpointId, sent_at: now.toISOString() };
  }
  const example = findEventType(type)?.example;
  return example ? structuredClone(example) : { message: `This is a test ${type} event from Webhook Hub.` };
}

/**
 * One example event as a receiver gets it (the standard envelope, a fresh
 * `evt_<ULID>` id): webhook.test with real values, a catalog type with its
 * catalog example, a custom type with a short message.
 */
export function buildTestEvent(input: TestEventInput): TestEvent {
  const now = input.now ?? new Date();
  const data = exampleData(input.type, input.endpointId, now);
  const fromExample = typeof data.channel === 'string' ? data.channel : null;
  const id = `evt_${ulid()}`;
  const body = standardEnvelope({
    id,
    type: input.type,
    created_at: now,
    account_id: input.accountId,
    channel: input.channel?.type ?? fromExample ?? findEventType(input.type)?.channels[0] ?? null,
    channel_id: input.channel?.id ?? null,
    data,
  });
  return { id, body };
}
