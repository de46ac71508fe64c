import type { DeliveryStatusFilter } from '../../api/types';

/** The delivery log's filters as they live in the URL (times as `datetime-local` values, the reader's time zone). */
export interface DeliveryFilters {
  endpoint_id: string;
  event_type: string;
  status: '' | DeliveryStatusFilter;
  since: string;
  until: string;
  /** Deliveries with an attempt in [attempted_since, attempted_until) (ISO-8601): what a bar of the overview counts. */
  attempted_since: string;
  attempted_until: string;
}

export const FILTER_KEYS = ['endpoint_id', 'event_type', 'status', 'since', 'until', 'attempted_since', 'attempted_until'] as const;
const STATUSES: readonly DeliveryStatusFilter[] = ['pending', 'retrying', 'succeeded', 'failed'];

export function filtersFrom(params: URLSearchParams): DeliveryFilters {
  const status = params.get('status') ?? '';
  return {
    endpoint_id: params.get('endpoint_id') ?? '',
    event_type: params.get('event_type') ?? '',
    status: (STATUSES as readonly string[]).includes(status) ? (status as DeliveryStatusFilter) : '',
    since: params.get('since') ?? '',
    until: params.get('until') ?? '',
    attempted_since: isoOrEmpty(params.get('attempted_since')),
    attempted_until: isoOrEmpty(params.get('attempted_until')),
  };
}

function isoOrEmpty(value: string | null): string {
  return value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : '';
}

/** A `datetime-local` value (local time) as ISO-8601, or undefined when empty or unreadable. */
export function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A Date as a `datetime-local` value in the reader's time zone (minutes). */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The API query for these filters (empty ones left out). */
export function apiQuery(filters: DeliveryFilters) {
  return {
    endpoint_id: filters.endpoint_id || undefined,
    event_type: filters.event_type || undefined,
    status: filters.status || undefined,
    since: localToIso(filters.since),
    until: localToIso(filters.until),
    attempted_since: filters.attempted_since || undefined,
    attempted_until: filters.attempted_until || undefined,
  };
}

export function hasFilters(filters: DeliveryFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== '');
}
