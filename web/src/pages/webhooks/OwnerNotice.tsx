import type { Endpoint } from '../../api/types';
import { formatDate } from '../../ui/formatDate';

/**
 * Whether the account's admins were emailed about this endpoint: the hub
 * mails them once when it has been failing for a while and once when it
 * disables it, so a reader knows if the others have heard already.
 */
export function OwnerNotice({ endpoint }: { endpoint: Pick<Endpoint, 'enabled' | 'failing_notified_at' | 'disabled_notified_at'> }) {
  const notices = [];
  if (!endpoint.enabled && endpoint.disabled_notified_at) notices.push(`Admins were emailed that it was disabled on ${formatDate(endpoint.disabled_notified_at)}.`);
  if (endpoint.failing_notified_at) notices.push(`Admins were emailed that it is failing on ${formatDate(endpoint.failing_notified_at)}.`);
  if (notices.length === 0) return null;
  return <p className="muted">{notices.join(' ')}</p>;
}
