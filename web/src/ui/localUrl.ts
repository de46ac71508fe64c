const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', '[::1]']);

/**
 * Whether an outside service could not call this URL because it names this
 * machine: the hub builds such URLs from PUBLIC_URL, which defaults to
 * http://localhost:<PORT> when it is not set.
 */
export function isLocalOnlyUrl(url: string): boolean {
  try {
    const { hostname } = new URL(url);
    return LOCAL_HOSTS.has(hostname) || hostname.endsWith('.localhost') || hostname.startsWith('127.');
  } catch {
    return false;
  }
}
