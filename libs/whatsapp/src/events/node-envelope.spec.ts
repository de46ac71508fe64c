import { BadRequestException } from '@nestjs/common';
import { readNodeEnvelope } from './node-envelope';

/** The 400's body, or a failure when the envelope was accepted. */
function refusal(value: unknown): { message: string; details: { field?: string; message: string }[] } {
  try {
    readNodeEnvelope(value);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse() as never;
  }
  throw new Error('accepted');
}

describe('readNodeEnvelope', () => {
  it('answers the envelope with its data as it came (the same object, not a copy)', () => {
    const data = { key: { id: 'X' }, message: { conversation: 'hi' } };
    const envelope = readNodeEnvelope({ event: 'messages.upsert', session_id: 'wa_1', data });
    expect(envelope).toEqual({ event: 'messages.upsert', session_id: 'wa_1', data });
    expect(envelope.data).toBe(data);
  });

  it.each([
    ['an unknown event', { event: 'presence.update', session_id: 'wa_1', data: {} }, 'event'],
    ['no event', { session_id: 'wa_1', data: {} }, 'event'],
    ['a numeric session id', { event: 'call', session_id: 7, data: {} }, 'session_id'],
    ['an empty session id', { event: 'call', session_id: '', data: {} }, 'session_id'],
    ['a session id past 200 characters', { event: 'call', session_id: 'w'.repeat(201), data: {} }, 'session_id'],
    ['no data', { event: 'call', session_id: 'wa_1' }, 'data'],
    ['null data', { event: 'call', session_id: 'wa_1', data: null }, 'data'],
    ['a field the envelope does not have', { event: 'call', session_id: 'wa_1', data: {}, extra: 1 }, 'extra'],
  ])('refuses %s, naming the field', (_name, body, field) => {
    const answer = refusal(body);
    expect(answer.details).toEqual([{ field, message: answer.message }]);
    expect(answer.message.startsWith(field === 'extra' ? 'property extra' : field)).toBe(true);
  });

  it('refuses a body that is not an object', () => {
    for (const value of [undefined, null, 'text', 3, [{ event: 'call' }]]) expect(refusal(value).message).toBe('The body must be a JSON object');
  });

  it('names a prototype key as a field that should not exist, never setting it', () => {
    const hostile = JSON.parse('{"event":"call","session_id":"wa_1","data":{},"__proto__":{"polluted":true}}') as object;
    expect(refusal(hostile).details).toEqual([{ field: '__proto__', message: 'property __proto__ should not exist' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
