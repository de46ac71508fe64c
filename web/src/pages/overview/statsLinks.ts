import type { StatsRange } from '../../api/types';
import { toLocalInput } from '../deliveries/deliveryFilters';

export type DeliveryOutcome = 'succeeded' | 'failed' | 'retrying';

export const RANGES: readonly StatsRange[] = ['1h', '24h', '7d'];
export const RANGE_LABELS: Record<StatsRange, string> = { '1h': 'Last hour', '24h': 'Last 24 hours', '7d': 'Last 7 days' };

/** The range in the URL (`?range=`), 24 hours when missing or unknown. */
export function rangeFrom(params: URLSearchParams): StatsRange {
  const range = params.get('range');
  return (RANGES as readonly string[]).includes(range ?? '') ? (range as StatsRange) : '24h';
}

/**
 * The delivery log showing what one figure counts: deliveries with an attempt
 * in [start, end) (the bars count attempts by when they were made), of that
 * outcome, of that endpoint.
 */
export function deliveryLogLink(filter: { start: string; end: string; outcome?: DeliveryOutcome; endpointId?: string }): string {
  const params = new URLSearchParams();
  if (filter.endpointId) params.set('endpoint_id', filter.endpointId);
  if (filter.outcome) params.set('status', filter.outcome);
  params.set('attempted_since', new Date(filter.start).toISOString());
  params.set('attempted_until', new Date(filter.end).toISOString());
  return `/deliveries?${params.toString()}`;
}

/** The inbound log showing what one figure counts: requests from `source` (with `outcome`) received in [since, until). */
export function inboundLogLink(filter: { source?: string; outcome?: string; since: string; until: string }): string {
  const params = new URLSearchParams();
  if (filter.source) params.set('source', filter.source);
  if (filter.outcome) params.set('status', filter.outcome);
  params.set('since', toLocalInput(new Date(filter.since)));
  params.set('until', toLocalInput(new Date(filter.until)));
  return `/inbound-logs?${params.toString()}`;
}

/** A bar's time as its axis label: minutes for the hour, hours for the day, weekday and hour for the week. */
export function barLabel(start: string, range: StatsRange): string {
  const date = new Date(start);
  if (range === '7d') return new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(date);
  return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** A success rate (0–1) in words: "96.6 %", or "—" without attempts. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  const percent = rate * 100;
  return `${percent === 100 || percent === 0 ? percent.toFixed(0) : percent.toFixed(1)} %`;
}

/** Seconds as "45 s", "12 min", "3 h 5 min". */
export function formatAge(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}
