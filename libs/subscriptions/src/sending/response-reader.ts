import { Readable } from 'node:stream';

export const MAX_RESPONSE_BYTES = 64 * 1024;

/** Reads at most 64 KiB of a response body and discards the rest, so a huge answer cannot exhaust memory; NUL characters are dropped. */
export async function readCapped(body: Readable, limit = MAX_RESPONSE_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    if (size < limit) chunks.push(buffer.subarray(0, limit - size));
    size += buffer.length;
    if (size >= limit) {
      body.destroy();
      break;
    }
  }
  // PostgreSQL text cannot hold NUL: a receiver answering one must not make the attempt unstorable (and resent).
  return Buffer.concat(chunks).toString('utf8').replaceAll('\u0000', '');
}
