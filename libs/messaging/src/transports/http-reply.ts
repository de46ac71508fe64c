import type { Dispatcher } from 'undici';

const MAX_BYTES = 64 * 1024;

/** A provider's answer as text, at most 64 KiB (the rest is drained, not kept). */
export async function readCappedText(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    if (size < MAX_BYTES) chunks.push(buffer.subarray(0, MAX_BYTES - size));
    size += buffer.length;
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A failed HTTP request in words (timeout, refused, DNS), never with credentials. */
export function describeRequestError(error: unknown, timeoutMs: number): string {
  const err = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  if (err.name === 'TimeoutError' || err.name === 'AbortError' || err.code === 'UND_ERR_HEADERS_TIMEOUT' || err.code === 'UND_ERR_BODY_TIMEOUT') {
    return `timed out after ${timeoutMs} ms`;
  }
  const code = err.code ?? err.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `DNS lookup failed (${code})`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset';
  const message = err.cause?.message ?? err.message;
  return code ? `${code}: ${message}` : message;
}
