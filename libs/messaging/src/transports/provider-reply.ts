import { SendError, SendReceipt } from './send-error';

const MAX_SHOWN = 300;

/** Worth another try: timeouts, rate limits, server errors. Any other non-2xx means the request itself is wrong. */
function retryable(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

function idFrom(body: string, keys: readonly string[]): string | null {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown> | null;
    for (const key of keys) {
      const value = parsed?.[key];
      if (typeof value === 'string' && value !== '') return value;
      if (typeof value === 'number') return String(value);
    }
  } catch {
    // not JSON: sent, but no id to keep
  }
  return null;
}

/**
 * Reads an HTTP provider's answer: a 2xx is sent (with the id found under one
 * of `idKeys` in a JSON body), anything else a SendError naming the status and
 * the start of the body.
 */
export function readProviderReply(who: string, status: number, body: string, idKeys: readonly string[]): SendReceipt {
  if (status >= 200 && status < 300) return { providerMessageId: idFrom(body, idKeys) };
  const shown = body.trim().slice(0, MAX_SHOWN);
  const detail = status >= 300 && status < 400 ? 'redirects are not followed' : shown || '(empty body)';
  throw new SendError(`${who} answered ${status}: ${detail}`, !retryable(status));
}
