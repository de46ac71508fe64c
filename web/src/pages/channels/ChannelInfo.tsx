import type { Channel, EmailChannel, WhatsappChannel } from '../../api/types';
import { CopyField } from '../../ui/CopyField';
import { PROVIDER_LABELS, PROVIDER_WEBHOOK_HELP } from './channelFormModel';

const SESSION_LOOK: Record<WhatsappChannel['session_status'], { tone: string; label: string }> = {
  connected: { tone: 'ok', label: 'Connected' },
  disconnected: { tone: 'danger', label: 'Disconnected' },
  qr: { tone: 'warn', label: 'Waiting for QR scan' },
};

export function SessionBadge({ status }: { status: WhatsappChannel['session_status'] }) {
  const { tone, label } = SESSION_LOOK[status];
  return <span className={`badge badge-${tone}`}>{label}</span>;
}

/** Where to paste an email channel's webhook URL, with the URL to copy. */
export function EmailWebhookPanel({ channel }: { channel: EmailChannel }) {
  return (
    <section className="card" aria-labelledby="channel-webhook-heading">
      <h3 id="channel-webhook-heading">
        Delivery webhook URL{channel.provider !== 'smtp' && ` for ${PROVIDER_LABELS[channel.provider]}`}
      </h3>
      <CopyField label="Webhook URL" value={channel.webhook_url} copyLabel="Copy webhook URL" />
      <p className="field-hint">{PROVIDER_WEBHOOK_HELP[channel.provider]}</p>
    </section>
  );
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
  if (channel.type === 'email') return <EmailWebhookPanel channel={channel} />;
  if (channel.type === 'whatsapp') return <WhatsappSessionPanel channel={channel} />;
  return null;
}
