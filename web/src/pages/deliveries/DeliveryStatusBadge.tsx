import type { Delivery } from '../../api/types';
import { deliveryPhase, type DeliveryPhase } from './deliveryStatus';

const LOOK: Record<DeliveryPhase, { tone: string; label: string }> = {
  succeeded: { tone: 'ok', label: 'Succeeded' },
  failed: { tone: 'danger', label: 'Failed' },
  pending: { tone: 'warn', label: 'Pending' },
  retrying: { tone: 'danger', label: 'Retrying' },
};

export function DeliveryStatusBadge({ delivery }: { delivery: Pick<Delivery, 'status' | 'attempt_count'> }) {
  const { tone, label } = LOOK[deliveryPhase(delivery)];
  return <span className={`badge badge-${tone}`}>{label}</span>;
}

/** The last answer of a delivery in a few words: "HTTP 500", "Connection refused", "—". */
export function lastResult(delivery: { last_status_code: number | null; last_error: string | null }): string {
  if (delivery.last_status_code !== null) return `HTTP ${delivery.last_status_code}`;
  return delivery.last_error ?? '—';
}
