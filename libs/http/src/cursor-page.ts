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

export function decodeCursor(cursor: string | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(time ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) throw new BadRequestException({ message: 'cursor is not a valid cursor', details: [{ field: 'cursor', message: 'cursor is not a valid cursor' }] });
  return { createdAt, id };
}

export function toPage<T extends { created_at: Date; id: string }, R>(rows: T[], limit: number, map: (row: T) => R): Page<R> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(map), next_cursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null };
}
