import type { Channel } from '../../api/types';
import { PROVIDER_LABELS } from './channelFormModel';
import { SessionBadge } from './ChannelInfo';

export const TYPE_LABELS = { email: 'Email', whatsapp: 'WhatsApp', sms: 'SMS' } as const;

function Details({ channel }: { channel: Channel }) {
  if (channel.type === 'email')
    return (
      <>
        <span className="cell-title">{channel.from_address}</span>
        <span className="muted cell-sub">
          {channel.smtp ? `SMTP ${channel.smtp.host}:${channel.smtp.port}` : 'No SMTP settings: cannot send yet'} ·{' '}
          {channel.provider === 'smtp' ? 'no delivery events' : `events from ${PROVIDER_LABELS[channel.provider]}`}
        </span>
      </>
    );
  if (channel.type === 'whatsapp')
    return (
      <>
        <SessionBadge status={channel.session_status} />
        <span className="muted cell-sub">{channel.phone ?? `Session ${channel.session_id}`}</span>
      </>
    );
  return (
    <>
      <span className="cell-title">{channel.from_number}</span>
      <span className="muted cell-sub break-all">{channel.provider_url}</span>
    </>
  );
}

interface ChannelsTableProps {
  channels: Channel[];
  onEdit: (channel: Channel) => void;
  onDelete: (channel: Channel) => void;
}

export function ChannelsTable({ channels, onEdit, onDelete }: ChannelsTableProps) {
  return (
    <div className="card table-card">
      <table className="table">
        <caption className="visually-hidden">Channels</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Sends from</th>
            <th scope="col">Delivery webhook URL</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => (
            <tr key={channel.id}>
              <th scope="row">{channel.name}</th>
              <td>
                <span className="badge">{TYPE_LABELS[channel.type]}</span>
              </td>
              <td>
                <Details channel={channel} />
              </td>
              <td className="break-all">
                {channel.type === 'email' ? <code className="cell-sub">{channel.webhook_url}</code> : <span className="muted">—</span>}
              </td>
              <td className="cell-actions">
                <button type="button" className="button button-small" aria-label={`Edit ${channel.name}`} onClick={() => onEdit(channel)}>
                  Edit
                </button>{' '}
                <button
                  type="button"
                  className="button button-small button-danger-ghost"
                  aria-label={`Delete ${channel.name}`}
                  onClick={() => onDelete(channel)}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
