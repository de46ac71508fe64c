import type { DeliveryStatus } from '../../api/types';

const LOOK: Record<DeliveryStatus, { tone: string; label: string }> = {
  succeeded: { tone: 'ok', label: 'Succeeded' },
  failed: { tone: 'danger', label: 'Failed' },
  pending: { tone: 'warn', label: 'Pending' },
};

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const { tone, label } = LOOK[status];
  return <span className={`badge badge-${tone}`}>{label}</span>;
}

/** The last answer of a delivery in a few words: "HTTP 500", "Connection refused", "—". */
export function lastResult(delivery: { last_status_code: number | null; last_error: string | null }): string {
  if (delivery.last_status_code !== null) return `HTTP ${delivery.last_status_code}`;
  return delivery.last_error ?? '—';
}
