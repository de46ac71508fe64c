import type { Endpoint } from '../../api/types';
import { formatDate } from '../../ui/formatDate';

export interface EndpointState {
  tone: 'ok' | 'warn' | 'danger';
  label: string;
  /** What happened and what to do, when it needs saying. */
  explanation?: string;
}

const DISABLED_WHY: Record<NonNullable<Endpoint['disabled_reason']>, string> = {
  gone: 'the receiver answered 410 Gone, which tells the hub to stop sending',
  failing: 'every attempt failed for 5 days',
  manual: 'someone turned it off',
};

/** Enabled, failing since …, or disabled and why. */
export function endpointState(endpoint: Endpoint): EndpointState {
  if (!endpoint.enabled) {
    const why = endpoint.disabled_reason ? DISABLED_WHY[endpoint.disabled_reason] : 'it was turned off';
    const since = endpoint.disabled_at ? ` on ${formatDate(endpoint.disabled_at)}` : '';
    return {
      tone: 'danger',
      label: endpoint.disabled_reason === 'gone' ? 'Disabled: gone' : endpoint.disabled_reason === 'failing' ? 'Disabled: failing' : 'Disabled',
      explanation: `Disabled${since} because ${why}. No events are sent; enable it once the receiver works again.`,
    };
  }
  if (endpoint.failing_since) {
    return {
      tone: 'warn',
      label: `Failing since ${formatDate(endpoint.failing_since)}`,
      explanation:
        'Every attempt since then has failed; deliveries are being retried. After 5 days of failures the hub disables the endpoint.',
    };
  }
  return { tone: 'ok', label: 'Enabled' };
}

/** The URLs an endpoint sends to, labelled: the common one and each event's own. */
export function endpointDestinations(endpoint: Endpoint): { label: string; url: string }[] {
  const list = endpoint.url ? [{ label: 'Common URL', url: endpoint.url }] : [];
  return list.concat(Object.entries(endpoint.event_urls).map(([type, url]) => ({ label: type, url })));
}

/** A name for an endpoint in headings and menus. */
export function endpointName(endpoint: Endpoint): string {
  return endpoint.description || endpoint.url || endpointDestinations(endpoint)[0]?.url || 'Endpoint';
}
