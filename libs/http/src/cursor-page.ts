import { BadRequestException } from '@nestjs/common';

/**
 * Keyset pagination over (created_at, id), newest first. The cursor is opaque
 * to clients: base64url of "<iso time>|<id>". Paginated tables store
 * created_at with millisecond precision (timestamptz(3)), the precision of a
 * JS Date, so a cursor names its row exactly.
 */
export interface Cursor {
  createdAt: Date;
  id: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

// Every paginated table has uuid ids; a cursor names its row's time exactly as encodeCursor wrote it.
const CURSOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** 400 naming `cursor` unless it is one encodeCursor could have written: anything else would reach SQL as a bad uuid or time. */
export function decodeCursor(cursor: string | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  const [time = '', id = '', ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(time);
  if (rest.length > 0 || !CURSOR_ID.test(id) || !CURSOR_TIME.test(time) || Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== time) {
    throw new BadRequestException({ message: 'cursor is not a valid cursor', details: [{ field: 'cursor', message: 'cursor is not a valid cursor' }] });
  }
  return { createdAt, id };
}

export function toPage<T extends { created_at: Date; id: string }, R>(rows: T[], limit: number, map: (row: T) => R): Page<R> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(map), next_cursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null };
}
