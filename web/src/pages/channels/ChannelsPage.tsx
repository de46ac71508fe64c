import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Channel, ChannelType } from '../../api/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, ErrorState, Loading, errorMessage } from '../../ui/PageStates';
import { PageHeader } from '../../ui/PageHeader';
import { useChannels } from '../webhooks/useEndpoints';
import { ChannelInfoPanel } from './ChannelInfo';
import { ChannelsTable, TYPE_LABELS } from './ChannelsTable';
import { EmailChannelForm } from './EmailChannelForm';
import { SmsChannelForm } from './SmsChannelForm';
import { useDeleteChannel } from './useChannelMutations';
import { WhatsappChannelForm } from './WhatsappChannelForm';

const TYPES: ChannelType[] = ['email', 'whatsapp', 'sms'];
const TYPE_HINTS: Record<ChannelType, string> = {
  email: 'SMTP sending, with delivery events from Mailgun, SES, SendGrid or Postmark',
  whatsapp: 'A WhatsApp number, through the WhatsApp node service',
  sms: 'An HTTP SMS provider',
};

function ChannelForm({ type, channel, onSaved, onCancel }: { type: ChannelType; channel?: Channel; onSaved: (c: Channel, created: boolean) => void; onCancel: () => void }) {
  if (type === 'email') return <EmailChannelForm channel={channel?.type === 'email' ? channel : undefined} onSaved={onSaved} onCancel={onCancel} />;
  if (type === 'sms') return <SmsChannelForm channel={channel?.type === 'sms' ? channel : undefined} onSaved={onSaved} onCancel={onCancel} />;
  return <WhatsappChannelForm channel={channel?.type === 'whatsapp' ? channel : undefined} onSaved={onSaved} onCancel={onCancel} />;
}

export function ChannelsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const editing = searchParams.get('edit');
  const newType = searchParams.get('type') as ChannelType | null;
  const channels = useChannels();
  const deleteChannel = useDeleteChannel();
  const [note, setNote] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<Channel | null>(null);

  const close = () => setSearchParams({});
  const onSaved = (channel: Channel, created: boolean) => {
    if (created) {
      setNote(
        channel.type === 'email'
          ? `Channel “${channel.name}” created. Paste its delivery webhook URL at your email provider, as explained below.`
          : channel.type === 'whatsapp'
            ? `Channel “${channel.name}” created. Start its session in the WhatsApp node service.`
            : `Channel “${channel.name}” created.`,
      );
      setSearchParams({ edit: channel.id });
    } else {
      setNote(`Changes to “${channel.name}” saved.`);
    }
  };

  const header = (
    <PageHeader title="Channels">
      A channel is one way this account sends messages: an email sender, a WhatsApp number or an SMS number. Workflows
      and the Send API pick the channel to send through.
    </PageHeader>
  );

  if (channels.isPending)
    return (
      <>
        {header}
        <Loading label="Loading channels…" />
      </>
    );
  if (channels.isError)
    return (
      <>
        {header}
        <ErrorState title="Channels could not be loaded." error={channels.error} onRetry={() => void channels.refetch()} />
      </>
    );

  const noteBanner = note && (
    <p className="notice" role="status">
      {note}
    </p>
  );

  if (editing) {
    const channel = editing === 'new' ? undefined : channels.data.find((c) => c.id === editing);
    const type = channel?.type ?? (newType && TYPES.includes(newType) ? newType : null);
    return (
      <>
        {header}
        <button type="button" className="button button-small button-ghost back-button" onClick={() => { setNote(null); close(); }}>
          ← Back to channels
        </button>
        {noteBanner}
        {editing !== 'new' && !channel ? (
          <ErrorState title="This channel no longer exists." error={new Error('It may have been deleted.')} onRetry={close} />
        ) : type === null ? (
          <ErrorState title="Choose what kind of channel to add." error={new Error('Go back and pick email, WhatsApp or SMS.')} onRetry={close} />
        ) : (
          <>
            {channel && <ChannelInfoPanel channel={channel} />}
            <ChannelForm key={editing} type={type} channel={channel} onSaved={onSaved} onCancel={close} />
          </>
        )}
      </>
    );
  }

  return (
    <>
      {header}
      {noteBanner}
      <section className="card" aria-labelledby="add-channel-heading">
        <h2 id="add-channel-heading">Add a channel</h2>
        <ul className="type-choices">
          {TYPES.map((type) => (
            <li key={type}>
              <button
                type="button"
                className="button type-choice"
                onClick={() => {
                  setNote(null);
                  setSearchParams({ edit: 'new', type });
                }}
              >
                <span className="type-choice-title">Add {TYPE_LABELS[type] === 'Email' ? 'email' : TYPE_LABELS[type]} channel</span>
                <span className="muted type-choice-hint">{TYPE_HINTS[type]}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <h2 className="section-title">Your channels</h2>
      {channels.data.length === 0 ? (
        <EmptyState title="No channels yet.">
          Add one above. Workflows need a channel for each kind of message they send, and so does the Send API.
        </EmptyState>
      ) : (
        <ChannelsTable
          channels={channels.data}
          onEdit={(channel) => {
            setNote(null);
            setSearchParams({ edit: channel.id });
          }}
          onDelete={(channel) => {
            deleteChannel.reset();
            setToDelete(channel);
          }}
        />
      )}
      {toDelete && (
        <ConfirmDialog
          title={`Delete channel “${toDelete.name}”?`}
          confirmLabel="Delete channel"
          busyLabel="Deleting…"
          busy={deleteChannel.isPending}
          error={deleteChannel.error ? `The channel could not be deleted: ${errorMessage(deleteChannel.error)}` : undefined}
          onConfirm={() =>
            deleteChannel.mutate(toDelete.id, {
              onSuccess: () => {
                setNote(`Channel “${toDelete.name}” deleted.`);
                setToDelete(null);
              },
            })
          }
          onCancel={() => setToDelete(null)}
        >
          <p>
            Workflow steps and Send API calls that use it will fail, and
            {toDelete.type === 'email' ? ' its delivery webhook URL stops accepting events.' : ' messages can no longer be sent through it.'} This
            cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
