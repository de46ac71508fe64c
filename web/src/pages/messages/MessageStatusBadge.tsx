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

/** Who made the message: the Send API, a workflow step, or the WhatsApp node service (received, or sent from the phone). */
export function sourceLabel(message: { source: string; direction: string }): string {
  if (message.direction === 'inbound') return 'Received';
  if (message.source === 'node') return 'The phone';
  return message.source === 'workflow' ? 'Workflow' : 'Send API';
}
