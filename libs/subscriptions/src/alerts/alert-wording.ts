/** How the alert mails write times, durations and URLs: pure, so the wording is tested without a mail. */

/** `2026-12-03 17:05 UTC`: one zone for every reader of the mail, minutes are enough. */
export function mailTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `35 minutes`, `2 hours 10 minutes`, `3 days 4 hours`: the two largest units, rounded down. */
export function durationInWords(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const units: [number, string][] = [
    [Math.floor(minutes / 1440), 'day'],
    [Math.floor(minutes / 60) % 24, 'hour'],
    [minutes % 60, 'minute'],
  ];
  const first = units.findIndex(([n]) => n > 0);
  if (first === -1) return 'less than a minute';
  return units
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`)
    .join(' ');
}

/**
 * The URL as the mail shows it: scheme, host and path. A query may carry a
 * receiver's token (`?key=…`), and mail is no place for it, so it shows as `?…`.
 */
export function urlWithoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}${parsed.search ? '?…' : ''}`;
  } catch {
    return url.replace(/[?#].*$/s, '?…');
  }
}
