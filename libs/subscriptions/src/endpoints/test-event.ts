import { ulid } from 'ulid';
import { findEventType } from '@hub/events';
import { exampleEvent, FormatEvent } from '@hub/payload-formats';

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

export type TestEvent = FormatEvent;

function exampleData(type: string, endpointId: string | null, now: Date): Record<string, unknown> {
  if (type === TEST_EVENT_TYPE) {
    return { message: 'This is a test event from Webhook Hub.', endpoint_id: endpointId, sent_at: now.toISOString() };
  }
  const example = findEventType(type)?.example;
  return example ? structuredClone(example) : { message: `This is a test ${type} event from Webhook Hub.` };
}

/**
 * One example event, to be rendered in the receiver's format (a fresh
 * `evt_<ULID>` id): webhook.test with real values, a catalog type with its
 * catalog example, a custom type with a short message. Scoped to the
 * endpoint's channel when it has one.
 */
export function buildTestEvent(input: TestEventInput): TestEvent {
  const now = input.now ?? new Date();
  const data = exampleData(input.type, input.endpointId, now);
  const event = exampleEvent({ type: input.type, channels: findEventType(input.type)?.channels ?? [], example: data, accountId: input.accountId, id: `evt_${ulid()}`, at: now });
  if (input.type === TEST_EVENT_TYPE && !input.channel) return { ...event, channel: null, channel_id: null };
  return input.channel ? { ...event, channel: input.channel.type, channel_id: input.channel.id } : event;
}
