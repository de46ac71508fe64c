import { isUtf8 } from 'node:buffer';

export interface StoredBody {
  raw_body: string | null;
  raw_body_bytes: Buffer | null;
}

/**
 * How a request body is kept in the inbound log: as text when text holds it
 * exactly (nearly always), else the exact bytes too, since PostgreSQL text
 * refuses NUL and decoding bytes that are not UTF-8 replaces them. The text
 * then shows NUL and undecodable bytes as U+FFFD, for people to read.
 */
export function storedBody(raw: Buffer | undefined, parsed: unknown): StoredBody {
  if (raw) {
    if (!raw.includes(0) && isUtf8(raw)) return { raw_body: raw.toString('utf8'), raw_body_bytes: null };
    return { raw_body: raw.toString('utf8').replaceAll('\u0000', '\ufffd'), raw_body_bytes: raw };
  }
  // No raw bytes (a body-less request): keep the parsed body, if any, as text.
  if (parsed === undefined || parsed === null) return { raw_body: null, raw_body_bytes: null };
  return storedBody(Buffer.from(typeof parsed === 'string' ? parsed : JSON.stringify(parsed)), undefined);
}
