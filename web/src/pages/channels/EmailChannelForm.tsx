import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import type { Channel, EmailChannel } from '../../api/types';
import { FormField } from '../../ui/FormField';
import {
  PROVIDERS,
  PROVIDER_LABELS,
  emailChannelSchema,
  emailValues,
  toEmailCreate,
  toEmailUpdate,
  type EmailChannelValues,
} from './channelFormModel';
import { SaveProblemAlert, placeSaveError, type SaveProblem } from './saveErrors';
import { useCreateChannel, useUpdateChannel } from './useChannelMutations';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges';

interface EmailChannelFormProps {
  channel?: EmailChannel;
  onSaved: (channel: Channel, created: boolean) => void;
  onCancel: () => void;
}

const STORED = 'Stored: type a new one to replace it';

export function EmailChannelForm({ channel, onSaved, onCancel }: EmailChannelFormProps) {
  const form = useForm<EmailChannelValues>({ resolver: zodResolver(emailChannelSchema(channel)), defaultValues: emailValues(channel) });
  const { register, handleSubmit, setError, setFocus, watch, formState } = form;
  const { errors } = formState;
  const unsaved = useUnsavedChanges({ dirty: formState.isDirty, what: channel ? `“${channel.name}”` : 'this new email channel' });
  const create = useCreateChannel();
  const update = useUpdateChannel(channel?.id ?? '');
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const provider = watch('provider');
  const saving = create.isPending || update.isPending;
  useEffect(() => setFocus('name'), [setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      if (channel) onSaved(unsaved.markSaved(await update.mutateAsync(toEmailUpdate(values, channel))), false);
      else onSaved(unsaved.markSaved(await create.mutateAsync(toEmailCreate(values))), true);
    } catch (error) {
      setProblem(
        placeSaveError(error, (field, message) => {
          if (!(field in values)) return false;
          setError(field as FieldPath<EmailChannelValues>, { message }, { shouldFocus: true });
          return true;
        }),
      );
    }
  });

  const smtpStored = Boolean(channel?.smtp?.has_password);
  const clearingPass = watch('clear_smtp_pass');
  const clearingKey = watch('clear_webhook_signing_key');

  return (
    <form className="card form-card channel-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={channel ? `Edit email channel ${channel.name}` : 'New email channel'}>
      <h2>{channel ? `Edit “${channel.name}”` : 'New email channel'}</h2>
      <div className="form-grid">
        <FormField id="channel-name" label="Name" hint="For you: shown in workflows, filters and the message log." error={errors.name?.message}>
          {(aria) => <input type="text" placeholder="e.g. Transactional mail" {...aria} {...register('name')} />}
        </FormField>
        <FormField id="channel-from" label="From address" error={errors.from_address?.message}>
          {(aria) => <input type="email" placeholder="hello@example.com" autoComplete="off" {...aria} {...register('from_address')} />}
        </FormField>
      </div>

      <h3>Sending (SMTP)</h3>
      <p className="field-hint">Every email provider offers an SMTP relay; the hub sends through it. Without SMTP settings this channel cannot send.</p>
      <div className="form-grid">
        <FormField id="smtp-host" label="SMTP host" error={errors.smtp_host?.message}>
          {(aria) => <input type="text" placeholder="smtp.mailgun.org" spellCheck={false} {...aria} {...register('smtp_host')} />}
        </FormField>
        <FormField id="smtp-port" label="Port" hint="587 with STARTTLS, or 465 with TLS from the start." error={errors.smtp_port?.message}>
          {(aria) => <input type="text" inputMode="numeric" {...aria} {...register('smtp_port')} />}
        </FormField>
        <FormField id="smtp-user" label="User" error={errors.smtp_user?.message}>
          {(aria) => <input type="text" autoComplete="off" spellCheck={false} {...aria} {...register('smtp_user')} />}
        </FormField>
        <FormField
          id="smtp-pass"
          label="Password"
          hint={smtpStored ? 'A password is stored. Write-only: it is never shown again.' : 'Write-only: stored encrypted, never shown again.'}
          error={errors.smtp_pass?.message}
        >
          {(aria) => (
            <input type="password" autoComplete="new-password" placeholder={smtpStored ? STORED : 'Optional'} disabled={clearingPass} {...aria} {...register('smtp_pass')} />
          )}
        </FormField>
      </div>
      <div className="checkbox-row">
        <label className="checkbox-label">
          <input type="checkbox" {...register('smtp_secure')} /> TLS from the first byte (port 465)
        </label>
        {smtpStored && (
          <label className="checkbox-label">
            <input type="checkbox" {...register('clear_smtp_pass')} /> Remove the stored password
          </label>
        )}
      </div>

      <h3>Delivery events</h3>
      <FormField
        id="channel-provider"
        label="Email provider"
        hint="Whose delivery, open, click and bounce webhooks this channel receives."
        error={errors.provider?.message}
      >
        {(aria) => (
          <select {...aria} {...register('provider')}>
            {PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {PROVIDER_LABELS[p]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {provider === 'mailgun' && (
        <>
          <FormField
            id="mailgun-key"
            label="Webhook signing key"
            hint={channel?.has_webhook_signing_key ? 'A key is stored. Write-only: it is never shown again.' : 'Mailgun → Sending → Webhooks → HTTP webhook signing key. Write-only.'}
            error={errors.webhook_signing_key?.message}
          >
            {(aria) => (
              <input
                type="password"
                autoComplete="off"
                placeholder={channel?.has_webhook_signing_key ? STORED : 'Required to accept Mailgun events'}
                disabled={clearingKey}
                {...aria}
                {...register('webhook_signing_key')}
              />
            )}
          </FormField>
          {channel?.has_webhook_signing_key && (
            <label className="checkbox-label">
              <input type="checkbox" {...register('clear_webhook_signing_key')} /> Remove the stored key
            </label>
          )}
        </>
      )}
      {provider === 'sendgrid' && (
        <FormField
          id="sendgrid-key"
          label="Verification key"
          hint="SendGrid → Event Webhook → Signed Event Webhook: the public key, base64."
          error={errors.sendgrid_public_key?.message}
        >
          {(aria) => <textarea rows={3} className="mono" spellCheck={false} placeholder="MFkwEwYHKoZIzj0CAQYI…" {...aria} {...register('sendgrid_public_key')} />}
        </FormField>
      )}
      {provider === 'postmark' && (
        <div className="form-grid">
          <FormField id="postmark-user" label="Basic auth user" hint="Choose any user and password, and enter the same in Postmark." error={errors.basic_auth_user?.message}>
            {(aria) => <input type="text" autoComplete="off" {...aria} {...register('basic_auth_user')} />}
          </FormField>
          <FormField
            id="postmark-pass"
            label="Basic auth password"
            hint={channel?.basic_auth?.has_password ? 'A password is stored. Write-only.' : 'Write-only: never shown again.'}
            error={errors.basic_auth_pass?.message}
          >
            {(aria) => (
              <input type="password" autoComplete="new-password" placeholder={channel?.basic_auth?.has_password ? STORED : ''} {...aria} {...register('basic_auth_pass')} />
            )}
          </FormField>
        </div>
      )}
      {provider === 'ses' && (
        <FormField
          id="ses-topic"
          label="SNS topic ARN"
          hint="Optional: left empty, the hub accepts the topic of the first subscription confirmation and keeps it."
          error={errors.sns_topic_arn?.message}
        >
          {(aria) => <input type="text" spellCheck={false} placeholder="arn:aws:sns:eu-west-1:123456789012:ses-events" {...aria} {...register('sns_topic_arn')} />}
        </FormField>
      )}

      <SaveProblemAlert problem={problem} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving} aria-busy={saving}>
          {saving ? 'Saving…' : channel ? 'Save changes' : 'Create channel'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
