import { BadRequestException } from '@nestjs/common';
import { decodeCursor, encodeCursor } from './cursor-page';

describe('decodeCursor', () => {
  const id = '0b6c4a52-3f0e-4f7e-9d55-0c5f7f1f2a10';
  const at = new Date('2026-11-24T10:11:12.345Z');
  const raw = (text: string) => Buffer.from(text).toString('base64url');

  it('reads back what encodeCursor wrote', () => {
    expect(decodeCursor(encodeCursor(at, id))).toEqual({ createdAt: at, id });
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it.each([
    ['an id that is not a uuid', raw(`${at.toISOString()}|42`)],
    ['a NUL in the id', raw(`${at.toISOString()}|${id}\u0000`)],
    ['a time outside what PostgreSQL holds', raw(`-271821-04-20T00:00:00.000Z|${id}`)],
    ['a time that is not the exact ISO form', raw(`2026-11-24|${id}`)],
    ['an impossible date', raw(`2026-02-31T00:00:00.000Z|${id}`)],
    ['extra parts', raw(`${at.toISOString()}|${id}|x`)],
    ['no separator', 'nonsense'],
  ])('refuses %s with 400 naming cursor', (_name, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(BadRequestException);
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect((error as BadRequestException).getResponse()).toMatchObject({ details: [{ field: 'cursor', message: 'cursor is not a valid cursor' }] });
    }
  });
});
