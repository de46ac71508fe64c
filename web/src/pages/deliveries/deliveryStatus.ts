import type { Delivery, RequeueSummary } from '../../api/types';
import { formatPreciseDate } from '../../ui/formatDate';

/** What a delivery is doing, as the admin reads it: a pending delivery with a failed attempt behind it is retrying. */
export type DeliveryPhase = 'pending' | 'retrying' | 'succeeded' | 'failed';

type StatusFields = Pick<Delivery, 'status' | 'attempt_count'>;

export function deliveryPhase(delivery: StatusFields): DeliveryPhase {
  if (delivery.status === 'pending' && delivery.attempt_count > 0) return 'retrying';
  return delivery.status as DeliveryPhase;
}

/** The line under a retrying delivery's status: "attempt 2 of 8 · next try at … · last answer HTTP 500" (n = attempts made). */
export function retryingLine(
  delivery: Pick<Delivery, 'status' | 'attempt_count' | 'max_attempts' | 'next_attempt_at' | 'last_status_code' | 'last_error'>,
): string | null {
  if (deliveryPhase(delivery) !== 'retrying') return null;
  const parts = [`attempt ${delivery.attempt_count} of ${delivery.max_attempts}`];
  if (delivery.next_attempt_at) parts.push(`next try at ${formatPreciseDate(delivery.next_attempt_at)}`);
  const last = delivery.last_status_code !== null ? `last answer HTTP ${delivery.last_status_code}` : delivery.last_error;
  if (last) parts.push(last);
  return parts.join(' · ');
}

/** "3 deliveries to http://…/bounced", or "5 deliveries: 3 to A, 2 to B". */
export function resendTargets(summary: Pick<RequeueSummary, 'destinations'>): string {
  const total = summary.destinations.reduce((sum, d) => sum + d.count, 0);
  const noun = (n: number) => (n === 1 ? 'delivery' : 'deliveries');
  const [only] = summary.destinations;
  if (only && summary.destinations.length === 1) return `${total} ${noun(total)} to ${only.url}`;
  return `${total} ${noun(total)}: ${summary.destinations.map((d) => `${d.count} to ${d.url}`).join(', ')}`;
}
