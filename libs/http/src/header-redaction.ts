const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-node-secret', 'x-api-key']);
const SECRET_PATTERN = /(secret|token|password|api[-_]?key)/i;

export const REDACTED = '[redacted]';

/** Header names are lower-cased; values of credentials become "[redacted]". Signatures stay: they are not secrets. */
export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    out[key] = SECRET_HEADERS.has(key) || SECRET_PATTERN.test(key) ? REDACTED : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
