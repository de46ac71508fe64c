import type { Channel, WhatsappChannel } from '../../api/types';
import { CopyField } from '../../ui/CopyField';
import { formatPreciseDate } from '../../ui/formatDate';
import { DeliveryWebhooksPanel } from './DeliveryWebhooksPanel';
import { SessionQrCode } from './SessionQrCode';
import { SESSION_REFRESH_MS, useLiveChannel } from './useLiveChannel';

const SESSION_LOOK: Record<WhatsappChannel['session_status'], { tone: string; label: string }> = {
  connected: { tone: 'ok', label: 'Connected' },
  disconnected: { tone: 'danger', label: 'Disconnected' },
  qr: { tone: 'warn', label: 'Waiting for QR scan' },
};

export function SessionBadge({ status }: { status: WhatsappChannel['session_status'] }) {
  const { tone, label } = SESSION_LOOK[status];
  return <span className={`badge badge-${tone}`}>{label}</span>;
}

/** The WhatsApp session the node service reports on, read again every few seconds: a scan shows up here without a reload. */
export function WhatsappSessionPanel({ channel: initial }: { channel: WhatsappChannel }) {
  const live = useLiveChannel(initial);
  const channel = live.data.type === 'whatsapp' ? live.data : initial;
  return (
    <section className="card" aria-labelledby="channel-session-heading" aria-live="polite">
      <h3 id="channel-session-heading">WhatsApp session</h3>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <SessionBadge status={channel.session_status} />
        </dd>
        <dt>Phone</dt>
        <dd>{channel.phone ?? <span className="muted">Known once the node service connects</span>}</dd>
        <dt>Last seen</dt>
        <dd>{channel.last_seen_at ? formatPreciseDate(channel.last_seen_at) : <span className="muted">The node service has not reported on this session yet</span>}</dd>
      </dl>
      {channel.session_status === 'qr' && channel.qr && <SessionQrCode qr={channel.qr} />}
      {live.isError && <p className="field-error">The session could not be refreshed; retrying every {SESSION_REFRESH_MS / 1000} s.</p>}
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
