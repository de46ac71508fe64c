import { z } from 'zod';
import type { Endpoint, EndpointInput, EventType } from '../../api/types';
import { PAYLOAD_FORMAT_VALUES, type PayloadFormat } from './payloadFormats';

/** The form's values: strings as typed, one row per event of the catalog. */
export interface EventRow {
  type: string;
  subscribed: boolean;
  url: string;
}
export interface HeaderRow {
  name: string;
  value: string;
}
export interface EndpointFormValues {
  /** The common URL, for every subscribed event without its own. */
  url: string;
  /** Every event, including types added later (`event_types: []`); rows then only route to their own URLs. */
  every_event: boolean;
  events: EventRow[];
  /** '' for general scope (every channel), else a channel id. */
  scope: string;
  /** The body shape the receiver gets. */
  payload_format: PayloadFormat;
  /** Write-only: empty keeps the stored token when editing. */
  bearer_token: string;
  clear_bearer_token: boolean;
  headers: HeaderRow[];
  /** Seconds, '' for the hub's default. */
  timeout_seconds: string;
  description: string;
}

const MAX_URL_LENGTH = 2048;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const RESERVED_HEADERS = new Set(['content-type', 'content-length', 'host', 'user-agent', 'authorization', 'x-webhook-signature']);

/** What is wrong with a typed webhook URL, or null when it can be tested. Mirrors the API's rules. */
export function urlProblem(raw: string): string | null {
  const value = raw.trim();
  if (!value) return null;
  if (value.length > MAX_URL_LENGTH) return `URLs are at most ${MAX_URL_LENGTH} characters`;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return 'Enter a full URL, starting with https:// or http://';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'Only http:// and https:// URLs can receive webhooks';
  if (parsed.username || parsed.password) return 'Leave credentials out of the URL: use the bearer token or a custom header';
  return null;
}

function headerNameProblem(name: string): string | null {
  if (!HEADER_NAME.test(name)) return 'Use letters, digits and - only';
  const lower = name.toLowerCase();
  if (RESERVED_HEADERS.has(lower) || lower.startsWith('webhook-')) return `${name} is set by the hub itself`;
  return null;
}

export const endpointFormSchema = z
  .object({
    url: z.string(),
    every_event: z.boolean(),
    events: z.array(z.object({ type: z.string(), subscribed: z.boolean(), url: z.string() })),
    scope: z.string(),
    payload_format: z.enum(PAYLOAD_FORMAT_VALUES as [PayloadFormat, ...PayloadFormat[]]),
    bearer_token: z.string().max(4096, 'Tokens are at most 4096 characters'),
    clear_bearer_token: z.boolean(),
    headers: z.array(z.object({ name: z.string(), value: z.string() })).max(20, 'At most 20 custom headers'),
    timeout_seconds: z
      .string()
      .trim()
      .refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 30), 'Enter whole seconds from 1 to 30, or leave empty'),
    description: z.string().max(500, 'Descriptions are at most 500 characters'),
  })
  .superRefine((values, ctx) => {
    const common = values.url.trim();
    const commonProblem = urlProblem(common);
    if (commonProblem) ctx.addIssue({ code: 'custom', path: ['url'], message: commonProblem });

    const active = values.events.map((row, index) => ({ row, index })).filter(({ row }) => isActive(values, row));
    for (const { row, index } of active) {
      const own = row.url.trim();
      const problem = urlProblem(own);
      if (problem) ctx.addIssue({ code: 'custom', path: ['events', index, 'url'], message: problem });
      else if (!own && !common && !values.every_event) {
        ctx.addIssue({ code: 'custom', path: ['events', index, 'url'], message: `Give ${row.type} a URL, or fill in the common URL` });
      }
    }
    if (values.every_event && !common && !commonProblem) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'Sending every event needs a common URL' });
    } else if (!values.every_event && active.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'Check the events to send (or choose every event), and give them a URL' });
    }

    const seen = new Set<string>();
    values.headers.forEach((header, index) => {
      const name = header.name.trim();
      if (!name) {
        if (header.value) ctx.addIssue({ code: 'custom', path: ['headers', index, 'name'], message: 'Name this header, or remove it' });
        return;
      }
      const problem = headerNameProblem(name) ?? (seen.has(name.toLowerCase()) ? `${name} is listed twice` : null);
      if (problem) ctx.addIssue({ code: 'custom', path: ['headers', index, 'name'], message: problem });
      seen.add(name.toLowerCase());
      if (/[\r\n]/.test(header.value)) ctx.addIssue({ code: 'custom', path: ['headers', index, 'value'], message: 'No line breaks in header values' });
    });
  });

/** Does this row's event go out: checked, or every event is sent (then its own URL, if any, applies). */
export function isActive(values: Pick<EndpointFormValues, 'every_event'>, row: EventRow): boolean {
  return values.every_event || row.subscribed;
}

/** The rows of the events table: the catalog, plus any custom type the endpoint already has. */
function eventRows(catalog: EventType[], endpoint?: Endpoint): EventRow[] {
  const types = catalog.map((eventType) => eventType.type);
  if (endpoint) {
    for (const type of [...endpoint.event_types, ...Object.keys(endpoint.event_urls)]) {
      if (!types.includes(type)) types.push(type);
    }
  }
  return types.map((type) => ({
    type,
    subscribed: endpoint ? endpoint.event_types.includes(type) || type in endpoint.event_urls : false,
    url: endpoint?.event_urls[type] ?? '',
  }));
}

export function formValues(catalog: EventType[], endpoint?: Endpoint): EndpointFormValues {
  return {
    url: endpoint?.url ?? '',
    every_event: endpoint ? endpoint.event_types.length === 0 : false,
    events: eventRows(catalog, endpoint),
    scope: endpoint?.channel_id ?? '',
    payload_format: endpoint?.payload_format ?? 'standard',
    bearer_token: '',
    clear_bearer_token: false,
    headers: Object.entries(endpoint?.headers ?? {}).map(([name, value]) => ({ name, value })),
    timeout_seconds: endpoint?.timeout_ms ? String(Math.round(endpoint.timeout_ms / 1000)) : '',
    description: endpoint?.description ?? '',
  };
}

/** Every URL the form would save to, in form order: the common URL, then each sent event's own. */
export function formUrls(values: Pick<EndpointFormValues, 'url' | 'every_event' | 'events'>): string[] {
  const urls = [values.url.trim()];
  for (const row of values.events) if (isActive(values, row)) urls.push(row.url.trim());
  return urls.filter(Boolean);
}

/** The types the endpoint would be sent, in form order: every row when it takes every event, else the checked ones. */
export function formEventTypes(values: Pick<EndpointFormValues, 'every_event' | 'events'>): string[] {
  return values.events.filter((row) => isActive(values, row)).map((row) => row.type);
}

/** URLs a saved endpoint already sends to: these need no new test. */
export function endpointUrls(endpoint: Endpoint | undefined): string[] {
  if (!endpoint) return [];
  return [endpoint.url ?? '', ...Object.values(endpoint.event_urls)].filter(Boolean);
}

export function headerMap(headers: HeaderRow[]): Record<string, string> {
  return Object.fromEntries(headers.filter((h) => h.name.trim()).map((h) => [h.name.trim(), h.value]));
}

/** The POST / PATCH body. Editing sends every field, so the endpoint ends up exactly as the form shows it. */
export function toEndpointInput(values: EndpointFormValues, editing: boolean): EndpointInput {
  const active = values.events.filter((row) => isActive(values, row));
  const input: EndpointInput = {
    url: values.url.trim() || null,
    description: values.description.trim() || null,
    event_types: values.every_event ? [] : active.map((row) => row.type),
    event_urls: Object.fromEntries(active.filter((row) => row.url.trim()).map((row) => [row.type, row.url.trim()])),
    channel_id: values.scope || null,
    payload_format: values.payload_format,
    headers: headerMap(values.headers),
    timeout_ms: values.timeout_seconds.trim() ? Number(values.timeout_seconds.trim()) * 1000 : null,
  };
  const token = values.bearer_token.trim();
  if (token) input.bearer_token = token;
  else if (editing && values.clear_bearer_token) input.bearer_token = null;
  return input;
}

/**
 * Where an API field error belongs in the form (`event_urls.contact.created`,
 * `event_types[2]`, `headers.X-Env`, …), given the body that was sent; null
 * when no single input matches.
 */
export function formFieldFor(apiField: string, values: EndpointFormValues, sent: EndpointInput): string | null {
  if (apiField === 'url') return 'url';
  if (apiField === 'description') return 'description';
  if (apiField === 'timeout_ms') return 'timeout_seconds';
  if (apiField === 'bearer_token') return 'bearer_token';
  if (apiField === 'channel_id') return 'scope';
  if (apiField === 'payload_format') return 'payload_format';
  const rowOf = (type: string | undefined) => values.events.findIndex((row) => row.type === type);
  if (apiField.startsWith('event_urls.')) {
    const index = rowOf(apiField.slice('event_urls.'.length));
    return index >= 0 ? `events.${index}.url` : null;
  }
  const typeIndex = /^event_types\[(\d+)\]$/.exec(apiField);
  if (typeIndex) {
    const index = rowOf(sent.event_types?.[Number(typeIndex[1])]);
    return index >= 0 ? `events.${index}.url` : null;
  }
  if (apiField.startsWith('headers.')) {
    const name = apiField.slice('headers.'.length).toLowerCase();
    const index = values.headers.findIndex((h) => h.name.trim().toLowerCase() === name);
    return index >= 0 ? `headers.${index}.name` : null;
  }
  return null;
}

/** The form inputs holding a URL (after a 422 names the URL that failed verification). */
export function fieldsWithUrl(values: EndpointFormValues, url: string): string[] {
  const fields: string[] = [];
  if (values.url.trim() === url) fields.push('url');
  values.events.forEach((row, index) => {
    if (isActive(values, row) && row.url.trim() === url) fields.push(`events.${index}.url`);
  });
  return fields;
}
