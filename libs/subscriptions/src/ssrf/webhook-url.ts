export const MAX_URL_LENGTH = 2048;

/**
 * The static URL rules (SPEC §3): absolute http(s), no credentials, ≤ 2048
 * characters. Returns the problem in words, or null. Numeric IPv4 forms
 * (2130706433, 0x7f.1, 0177.0.0.1) are normalised by the WHATWG URL parser, so
 * the address checks see the real address.
 */
export function webhookUrlProblem(raw: string): string | null {
  if (raw.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `must use http or https, not ${url.protocol.replace(':', '')}`;
  if (url.username || url.password) return 'must not contain credentials (user:password@)';
  if (!url.hostname) return 'must have a host';
  return null;
}
