import { BadRequestException } from '@nestjs/common';
import { IsDefined, IsIn, IsString } from 'class-validator';
import { EnvelopeValidationPipe } from './envelope-validation.pipe';

class EnvelopeDto {
  @IsIn(['a', 'b'])
  kind!: string;

  @IsString()
  id!: string;

  @IsDefined()
  data!: unknown;
}

const pipe = new EnvelopeValidationPipe(EnvelopeDto);

/** The 400's body, or a failure when the pipe let the value through. */
function refusal(value: unknown): { message: string; details: { field?: string; message: string }[] } {
  try {
    pipe.transform(value);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse() as never;
  }
  throw new Error('accepted');
}

describe('EnvelopeValidationPipe', () => {
  it('answers an instance holding the free-form field as it came (the same object, not a copy)', () => {
    const data = { nested: { deep: [1, { x: 2 }] } };
    const result = pipe.transform({ kind: 'a', id: 'x1', data });
    expect(result).toBeInstanceOf(EnvelopeDto);
    expect(result).toEqual({ kind: 'a', id: 'x1', data });
    expect(result.data).toBe(data);
  });

  it('names each bad or missing field, as the global pipe does', () => {
    const body = refusal({ kind: 'c', id: 7 });
    expect(body.details.map((d) => d.field).sort()).toEqual(['data', 'id', 'kind']);
    expect(body.message).toContain('kind must be one of the following values: a, b');
  });

  it('refuses a field the DTO does not have', () => {
    expect(refusal({ kind: 'a', id: 'x', data: 1, extra: true }).details).toEqual([{ field: 'extra', message: 'property extra should not exist' }]);
  });

  it('refuses a body that is not an object', () => {
    for (const value of [undefined, null, 'text', 3, [{ kind: 'a' }]]) expect(refusal(value).message).toBe('The body must be a JSON object');
  });

  it('never lets a key reach the prototype', () => {
    const hostile = JSON.parse('{"kind":"a","id":"x","data":1,"__proto__":{"polluted":true}}') as object;
    expect(refusal(hostile).details).toEqual([{ field: '__proto__', message: 'property __proto__ should not exist' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(refusal({ kind: 'a', id: 'x', data: 1, constructor: 'x' }).details[0].field).toBe('constructor');
  });
});
