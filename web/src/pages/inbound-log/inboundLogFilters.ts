import type { InboundLogOutcome } from '../../api/types';
import { localToIso } from '../deliveries/deliveryFilters';

/** The inbound log's filters as they live in the URL (`since` and `until` as `datetime-local` values, the reader's time zone). */
export interface InboundLogFilters {
  source: string;
  status: '' | InboundLogOutcome;
  since: string;
  until: string;
}

export const FILTER_KEYS = ['source', 'status', 'since', 'until'] as const;
export const OUTCOMES: readonly InboundLogOutcome[] = ['accepted', 'duplicate', 'rejected', 'error'];

export function filtersFrom(params: URLSearchParams): InboundLogFilters {
  const status = params.get('status') ?? '';
  return {
    source: params.get('source') ?? '',
    status: (OUTCOMES as readonly string[]).includes(status) ? (status as InboundLogOutcome) : '',
    since: params.get('since') ?? '',
    until: params.get('until') ?? '',
  };
}

export function apiQuery(filters: InboundLogFilters) {
  return {
    source: filters.source.trim() || undefined,
    status: filters.status || undefined,
    since: localToIso(filters.since),
    until: localToIso(filters.until),
  };
}

export function hasFilters(filters: InboundLogFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== '');
}

/** Sources the hub logs today (the routes' `@InboundRoute` names), in words; a source not listed shows as it is. */
export const SOURCE_LABELS: Record<string, string> = {
  automation: 'Automation trigger',
  meta: 'Meta lead ads',
  google: 'Google Ads leads',
  mailgun: 'Mailgun',
  ses: 'Amazon SES',
  sendgrid: 'SendGrid',
  postmark: 'Postmark',
  whatsapp: 'WhatsApp',
};

export function sourceLabel(source: string): string {
  return SOURCE_LABELS[source] ?? source;
}
