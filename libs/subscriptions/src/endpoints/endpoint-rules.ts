import { BadRequestException } from '@nestjs/common';
import { isKnownEventType } from '@hub/events';
import { ErrorDetail } from '@hub/http';
import { webhookUrlProblem } from '../ssrf/webhook-url';

export const MAX_CUSTOM_HEADERS = 20;
export const MAX_HEADER_VALUE_LENGTH = 2000;

/** RFC 9110 token: the characters a header name may have. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Visible ASCII, spaces and tabs: no CR/LF, so a value cannot smuggle another header. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** Headers the hub sets itself; an endpoint may not replace them. */
const RESERVED_HEADERS = new Set(['content-type', 'content-length', 'host', 'user-agent', 'authorization', 'x-webhook-signature']);
/**
 * Hop-by-hop and framing headers (RFC 9110 §7.6.1, §6.4): they describe the
 * connection or how the body is framed, not the webhook, and the HTTP client
 * refuses a request that carries them, so saved on an endpoint they made
 * every send of it fail.
 */
const CONNECTION_HEADERS = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'expect',
  'content-encoding', 'proxy-authorization', 'proxy-authenticate', 'http2-settings',
]);

/** Where an endpoint sends: the common URL and one URL per event type. */
export interface EndpointDestinations {
  url: string | null;
  event_types: string[];
  event_urls: Record<string, string>;
}

/** One URL of an endpoint and the request field it came from (`url` or `event_urls.<type>`). */
export interface UrlField {
  field: string;
  url: string;
}

export function isReservedHeader(lowerName: string): boolean {
  return RESERVED_HEADERS.has(lowerName) || lowerName.startsWith('webhook-');
}

/** Problems of a custom header map: count, names, reserved names, values. */
export function headerProblems(headers: Record<string, unknown>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const entries = Object.entries(headers);
  if (entries.length > MAX_CUSTOM_HEADERS) problems.push({ field: 'headers', message: `headers may have at most ${MAX_CUSTOM_HEADERS} entries` });
  const seen = new Set<string>();
  for (const [name, value] of entries) {
    const field = `headers.${name}`;
    const lower = name.toLowerCase();
    if (!HEADER_NAME.test(name)) problems.push({ field, message: `${name} is not a valid header name` });
    else if (isReservedHeader(lower)) problems.push({ field, message: `${name} is set by the hub and cannot be a custom header` });
    else if (CONNECTION_HEADERS.has(lower)) problems.push({ field, message: `${name} is a hop-by-hop or framing header and cannot be a custom header` });
    else if (seen.has(lower)) problems.push({ field, message: `${name} is repeated (header names are case-insensitive)` });
    seen.add(lower);
    if (typeof value !== 'string') problems.push({ field, message: `${field} must be a string` });
    else if (value.length > MAX_HEADER_VALUE_LENGTH || !HEADER_VALUE.test(value)) {
      problems.push({ field, message: `${field} must be at most ${MAX_HEADER_VALUE_LENGTH} characters without line breaks` });
    }
  }
  return problems;
}

/** Header names are stored lower-cased (HTTP names are case-insensitive). */
export function normaliseHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

export function eventTypeProblems(types: string[]): ErrorDetail[] {
  return types.flatMap((type, i) =>
    isKnownEventType(type) ? [] : [{ field: `event_types[${i}]`, message: `event_types[${i}] "${type}" is not a catalog event type or custom.<name>` }],
  );
}

/** Keys must be known event types, values well-formed webhook URLs. */
export function eventUrlProblems(eventUrls: Record<string, unknown>): ErrorDetail[] {
  return Object.entries(eventUrls).flatMap(([type, url]) => {
    const field = `event_urls.${type}`;
    if (!isKnownEventType(type)) return [{ field, message: `${type} is not a catalog event type or custom.<name>` }];
    if (typeof url !== 'string') return [{ field, message: `${field} must be a URL string` }];
    const problem = webhookUrlProblem(url);
    return problem ? [{ field, message: `${field} ${problem}` }] : [];
  });
}

export function urlProblems(url: string | null): ErrorDetail[] {
  const problem = url === null ? null : webhookUrlProblem(url);
  return problem ? [{ field: 'url', message: `url ${problem}` }] : [];
}

/**
 * Every subscribed event needs somewhere to go: without a common URL, each
 * type in event_types needs its own URL, and there must be at least one.
 */
export function destinationProblems(d: EndpointDestinations): ErrorDetail[] {
  if (d.url) return [];
  if (Object.keys(d.event_urls).length === 0) {
    return [{ field: 'url', message: 'url is required unless every subscribed event type has its own URL in event_urls' }];
  }
  return d.event_types.flatMap((type, i) =>
    d.event_urls[type] ? [] : [{ field: `event_types[${i}]`, message: `event_types[${i}] "${type}" has no URL: set url or event_urls.${type}` }],
  );
}

export function endpointUrls(d: Pick<EndpointDestinations, 'url' | 'event_urls'>): UrlField[] {
  const urls: UrlField[] = d.url ? [{ field: 'url', url: d.url }] : [];
  return urls.concat(Object.entries(d.event_urls).map(([type, url]) => ({ field: `event_urls.${type}`, url })));
}

/** URLs of `after` that `before` did not send to: what a PATCH must verify again (each URL once). */
export function changedUrls(before: Pick<EndpointDestinations, 'url' | 'event_urls'> | null, after: Pick<EndpointDestinations, 'url' | 'event_urls'>): UrlField[] {
  const known = new Set(before ? endpointUrls(before).map((u) => u.url) : []);
  const changed: UrlField[] = [];
  for (const entry of endpointUrls(after)) {
    if (known.has(entry.url)) continue;
    known.add(entry.url);
    changed.push(entry);
  }
  return changed;
}

/** A 400 naming each bad field, in the shape of the global ValidationPipe. */
export function fieldErrors(details: ErrorDetail[]): BadRequestException {
  return new BadRequestException({ message: details.map((d) => d.message).join('; '), details });
}
