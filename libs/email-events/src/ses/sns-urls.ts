// SNS signs with certificates AWS serves from its own hosts; a message naming any other is forged.
const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

/**
 * Whether `url` is an SNS URL the hub may fetch: https on an
 * `sns.<region>.amazonaws.com[.cn]` host (a signing certificate also needs a
 * `.pem` path), or on one of `extraOrigins`, the origins a test's local SNS
 * stand-in serves from (a documented setting, never a way to switch checks off).
 */
export function isSnsUrl(url: string, kind: 'certificate' | 'subscribe', extraOrigins: readonly string[] = []): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (kind === 'certificate' && !parsed.pathname.endsWith('.pem')) return false;
  if (extraOrigins.includes(parsed.origin)) return true;
  return parsed.protocol === 'https:' && parsed.port === '' && SNS_HOST.test(parsed.hostname);
}
