import type { Channel, WhatsappChannel } from '../../api/types';
import { CopyField } from '../../ui/CopyField';
import { DeliveryWebhooksPanel } from './DeliveryWebhooksPanel';

const SESSION_LOOK: Record<WhatsappChannel['session_status'], { tone: string; label: string }> = {
  connected: { tone: 'ok', label: 'Connected' },
  disconnected: { tone: 'danger', label: 'Disconnected' },
  qr: { tone: 'warn', label: 'Waiting for QR scan' },
};

export function SessionBadge({ status }: { status: WhatsappChannel['session_status'] }) {
  const { tone, label } = SESSION_LOOK[status];
  return <span className={`badge badge-${tone}`}>{label}</span>;
}

/** The WhatsApp session the node service reports on. */
export function WhatsappSessionPanel({ channel }: { channel: WhatsappChannel }) {
  return (
    <section className="card" aria-labelledby="channel-session-heading">
      <h3 id="channel-session-heading">WhatsApp session</h3>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <SessionBadge status={channel.session_status} />
        </dd>
        <dt>Phone</dt>
        <dd>{channel.phone ?? <span className="muted">Known once the node service connects</span>}</dd>
      </dl>
      <CopyField label="Session id" value={channel.session_id} copyLabel="Copy session id" showLabel />
      <p className="field-hint">
        Start this session in the WhatsApp node service and scan its QR code with the phone. The status here follows
        what the node service reports.
      </p>
    </section>
  );
}

export function ChannelInfoPanel({ channel }: { channel: Channel }) {
  if (channel.type === 'email') return <DeliveryWebhooksPanel channel={channel} />;
  if (channel.type === 'whatsapp') return <WhatsappSessionPanel channel={channel} />;
  return null;
}
