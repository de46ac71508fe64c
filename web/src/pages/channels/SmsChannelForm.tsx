import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import type { Channel, SmsChannel } from '../../api/types';
import { FormField } from '../../ui/FormField';
import { smsChannelSchema, smsValues, toSmsCreate, toSmsUpdate, type SmsChannelValues } from './channelFormModel';
import { SaveProblemAlert, placeSaveError, type SaveProblem } from './saveErrors';
import { useCreateChannel, useUpdateChannel } from './useChannelMutations';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges';

interface SmsChannelFormProps {
  channel?: SmsChannel;
  onSaved: (channel: Channel, created: boolean) => void;
  onCancel: () => void;
}

export function SmsChannelForm({ channel, onSaved, onCancel }: SmsChannelFormProps) {
  const form = useForm<SmsChannelValues>({ resolver: zodResolver(smsChannelSchema), defaultValues: smsValues(channel) });
  const { register, handleSubmit, setError, setFocus, watch, formState } = form;
  const { errors } = formState;
  const unsaved = useUnsavedChanges({ dirty: formState.isDirty, what: channel ? `“${channel.name}”` : 'this new SMS channel' });
  const create = useCreateChannel();
  const update = useUpdateChannel(channel?.id ?? '');
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const saving = create.isPending || update.isPending;
  const clearing = watch('clear_auth_token');
  useEffect(() => setFocus('name'), [setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      if (channel) onSaved(unsaved.markSaved(await update.mutateAsync(toSmsUpdate(values))), false);
      else onSaved(unsaved.markSaved(await create.mutateAsync(toSmsCreate(values))), true);
    } catch (error) {
      setProblem(
        placeSaveError(error, (field, message) => {
          if (!(field in values)) return false;
          setError(field as FieldPath<SmsChannelValues>, { message }, { shouldFocus: true });
          return true;
        }),
      );
    }
  });

  return (
    <form className="card form-card channel-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={channel ? `Edit SMS channel ${channel.name}` : 'New SMS channel'}>
      <h2>{channel ? `Edit “${channel.name}”` : 'New SMS channel'}</h2>
      <div className="form-grid">
        <FormField id="channel-name" label="Name" error={errors.name?.message}>
          {(aria) => <input type="text" placeholder="e.g. Alerts SMS" {...aria} {...register('name')} />}
        </FormField>
        <FormField id="sms-from" label="From number" hint="International format (E.164): + and the country code, then the number, e.g. +14155550123." error={errors.from_number?.message}>
          {(aria) => <input type="text" inputMode="tel" placeholder="+15555550123" {...aria} {...register('from_number')} />}
        </FormField>
      </div>
      <FormField id="sms-provider-url" label="Provider URL" hint="The hub POSTs each message to this HTTP endpoint of your SMS provider." error={errors.provider_url?.message}>
        {(aria) => <input type="text" inputMode="url" spellCheck={false} placeholder="https://sms.example.com/api/send" {...aria} {...register('provider_url')} />}
      </FormField>
      <FormField
        id="sms-token"
        label="Auth token"
        hint={channel?.has_auth_token ? 'A token is stored. Write-only: it is never shown again.' : 'Sent to the provider as a bearer token. Write-only.'}
        error={errors.auth_token?.message}
      >
        {(aria) => (
          <input
            type="password"
            autoComplete="new-password"
            placeholder={channel?.has_auth_token ? 'Stored: type a new one to replace it' : 'Optional'}
            disabled={clearing}
            {...aria}
            {...register('auth_token')}
          />
        )}
      </FormField>
      {channel?.has_auth_token && (
        <label className="checkbox-label">
          <input type="checkbox" {...register('clear_auth_token')} /> Remove the stored token
        </label>
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
