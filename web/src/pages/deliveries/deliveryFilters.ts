import type { DeliveryStatusFilter } from '../../api/types';

/** The delivery log's filters as they live in the URL (times as `datetime-local` values, the reader's time zone). */
export interface DeliveryFilters {
  endpoint_id: string;
  event_type: string;
  status: '' | DeliveryStatusFilter;
  since: string;
  until: string;
}

export const FILTER_KEYS = ['endpoint_id', 'event_type', 'status', 'since', 'until'] as const;
const STATUSES: readonly DeliveryStatusFilter[] = ['pending', 'retrying', 'succeeded', 'failed'];

export function filtersFrom(params: URLSearchParams): DeliveryFilters {
  const status = params.get('status') ?? '';
  return {
    endpoint_id: params.get('endpoint_id') ?? '',
    event_type: params.get('event_type') ?? '',
    status: (STATUSES as readonly string[]).includes(status) ? (status as DeliveryStatusFilter) : '',
    since: params.get('since') ?? '',
    until: params.get('until') ?? '',
  };
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
  };
}

export function hasFilters(filters: DeliveryFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== '');
}
