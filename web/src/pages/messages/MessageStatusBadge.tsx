import type { MessageStatus } from '../../api/types';

const LOOK: Record<MessageStatus, { tone: string; label: string }> = {
  queued: { tone: 'info', label: 'Queued' },
  sent: { tone: 'neutral', label: 'Sent' },
  delivered: { tone: 'ok', label: 'Delivered' },
  opened: { tone: 'ok', label: 'Opened' },
  clicked: { tone: 'ok', label: 'Clicked' },
  bounced: { tone: 'danger', label: 'Bounced' },
  complained: { tone: 'danger', label: 'Complained' },
  failed: { tone: 'danger', label: 'Failed' },
};

export function MessageStatusBadge({ status }: { status: MessageStatus }) {
  const { tone, label } = LOOK[status];
  return <span className={`badge badge-${tone}`}>{label}</span>;
}

export const statusLabel = (status: MessageStatus) => LOOK[status].label;
