import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import type { Channel } from '../../api/types';
import { FormField } from '../../ui/FormField';
import { errorMessage } from '../../ui/PageStates';
import { fieldMessage } from '../../ui/fieldMessage';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges';
import { useSendMessage } from './useMessages';

interface SendTestFormProps {
  channels: Channel[];
  /** Opens a message's detail. */
  hrefFor: (id: string) => string;
}

const DEFAULT_SUBJECT = 'Test from Webhook Hub';
const DEFAULT_BODY = 'Hello! This is a test message.';

type Errors = Partial<Record<'channel_id' | 'to' | 'subject' | 'body', string>>;

/** One message through the Send API (`POST /api/{channel}/send`), as your own code would send it. */
export function SendTestForm({ channels, hrefFor }: SendTestFormProps) {
  const send = useSendMessage();
  const [channelId, setChannelId] = useState(channels[0]?.id ?? '');
  const [to, setTo] = useState('');
  const [subject, setSubject] = useState(DEFAULT_SUBJECT);
  const [body, setBody] = useState(DEFAULT_BODY);
  /** What was last sent (or the starting text): leaving asks only about what was typed since. */
  const [sent, setSent] = useState({ to: '', subject: DEFAULT_SUBJECT, body: DEFAULT_BODY });
  useUnsavedChanges({ dirty: to.trim() !== sent.to || subject !== sent.subject || body !== sent.body, what: 'the test message' });
  const [errors, setErrors] = useState<Errors>({});
  const channel = channels.find((c) => c.id === channelId);

  const submit = () => {
    const next: Errors = {};
    if (!channel) next.channel_id = 'Choose a channel';
    if (!to.trim()) next.to = channel?.type === 'email' ? 'Enter the address to send to' : 'Enter the number to send to';
    if (channel?.type === 'email' && !subject.trim()) next.subject = 'Write a subject';
    if (!body.trim()) next.body = 'Write the message';
    setErrors(next);
    if (Object.keys(next).length > 0 || !channel) return;
    send.mutate(
      { type: channel.type, body: { channel_id: channel.id, to: to.trim(), body, ...(channel.type === 'email' ? { subject: subject.trim() } : {}) } },
      {
        onSuccess: () => setSent({ to: to.trim(), subject, body }),
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          const placed: Errors = {};
          for (const d of error.fieldErrors) if (d.field in { channel_id: 1, to: 1, subject: 1, body: 1 }) placed[d.field as keyof Errors] = fieldMessage(d.field, d.message);
          setErrors(placed);
        },
      },
    );
  };

  if (channels.length === 0)
    return (
      <p className="muted">
        There is no channel to send through yet. <Link to="/channels">Add a channel</Link> first.
      </p>
    );

  return (
    <form
      aria-label="Send a test message"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="form-grid">
        <FormField id="send-channel" label="Channel" error={errors.channel_id}>
          {(aria) => (
            <select {...aria} value={channelId} onChange={(e) => setChannelId(e.target.value)}>
              {channels.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.type === 'email' ? 'email' : c.type === 'sms' ? 'SMS' : 'WhatsApp'})
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="send-to" label="To" hint={channel?.type === 'email' ? 'An email address.' : 'A phone number in international format.'} error={errors.to}>
          {(aria) => (
            <input
              type="text"
              autoComplete="off"
              placeholder={channel?.type === 'email' ? 'maria@example.com' : '+34612345678'}
              value={to}
              onChange={(e) => setTo(e.target.value)}
              {...aria}
            />
          )}
        </FormField>
      </div>
      {channel?.type === 'email' && (
        <FormField id="send-subject" label="Subject" error={errors.subject}>
          {(aria) => <input type="text" value={subject} onChange={(e) => setSubject(e.target.value)} {...aria} />}
        </FormField>
      )}
      <FormField id="send-body" label="Message" hint={channel?.type === 'email' ? 'HTML or text, sent as is.' : 'Sent as is.'} error={errors.body}>
        {(aria) => <textarea rows={3} value={body} onChange={(e) => setBody(e.target.value)} {...aria} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={send.isPending} aria-busy={send.isPending}>
          {send.isPending ? 'Sending…' : 'Send message'}
        </button>
        <p className="field-hint">
          Same as <code>POST /api/{channel?.type ?? 'email'}/send</code> with an API key. The message then shows in the list below.
        </p>
      </div>
      <div role="status" aria-live="polite">
        {send.data && (
          <p className={send.data.status === 'failed' ? 'warning' : 'notice'}>
            {send.data.status === 'failed'
              ? 'Stored but not sent: the recipient is suppressed (undeliverable or unsubscribed from everything). '
              : 'Queued for sending. '}
            <Link to={hrefFor(send.data.message_id)}>Open the message</Link>
          </p>
        )}
      </div>
      {send.error && !(send.error instanceof ApiError && send.error.fieldErrors.length > 0) && (
        <p className="form-error" role="alert">
          The message was not sent: {errorMessage(send.error)}
        </p>
      )}
    </form>
  );
}
