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

/**
 * The URL with the values of credential-named query parameters (Meta's
 * `hub.verify_token`, an `access_token`…) replaced by "[redacted]", for logs
 * a reader of the account may see. The rest is kept byte for byte.
 */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const parts = url.slice(query + 1).split('&').map((part) => {
    const eq = part.indexOf('=');
    if (eq < 0) return part;
    let name: string;
    try {
      name = decodeURIComponent(part.slice(0, eq).replace(/\+/g, ' '));
    } catch {
      name = part.slice(0, eq);
    }
    return SECRET_PATTERN.test(name) ? `${part.slice(0, eq)}=${encodeURIComponent(REDACTED)}` : part;
  });
  return `${url.slice(0, query)}?${parts.join('&')}`;
}
