import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { Channel, WhatsappChannel } from '../../api/types';
import { FormField } from '../../ui/FormField';
import { SaveProblemAlert, placeSaveError, type SaveProblem } from './saveErrors';
import { useCreateChannel, useUpdateChannel } from './useChannelMutations';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges';

const schema = z.object({ name: z.string().trim().min(1, 'Give the channel a name').max(200, 'Names are at most 200 characters') });
type Values = z.infer<typeof schema>;

interface WhatsappChannelFormProps {
  channel?: WhatsappChannel;
  onSaved: (channel: Channel, created: boolean) => void;
  onCancel: () => void;
}

export function WhatsappChannelForm({ channel, onSaved, onCancel }: WhatsappChannelFormProps) {
  const { register, handleSubmit, setError, setFocus, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { name: channel?.name ?? '' },
  });
  const create = useCreateChannel();
  const update = useUpdateChannel(channel?.id ?? '');
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const saving = create.isPending || update.isPending;
  const unsaved = useUnsavedChanges({ dirty: formState.isDirty, what: channel ? `“${channel.name}”` : 'this new WhatsApp channel' });
  useEffect(() => setFocus('name'), [setFocus]);

  const onSubmit = handleSubmit(async ({ name }) => {
    setProblem(null);
    try {
      if (channel) onSaved(unsaved.markSaved(await update.mutateAsync({ name: name.trim() })), false);
      else onSaved(unsaved.markSaved(await create.mutateAsync({ type: 'whatsapp', name: name.trim() })), true);
    } catch (error) {
      setProblem(
        placeSaveError(error, (field, message) => {
          if (field !== 'name') return false;
          setError('name', { message }, { shouldFocus: true });
          return true;
        }),
      );
    }
  });

  return (
    <form className="card form-card channel-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={channel ? `Edit WhatsApp channel ${channel.name}` : 'New WhatsApp channel'}>
      <h2>{channel ? `Edit “${channel.name}”` : 'New WhatsApp channel'}</h2>
      {!channel && (
        <p className="field-hint">
          The hub creates a session id for the channel. Give it to the WhatsApp node service, which shows a QR code to
          scan with the phone; the channel then reports “connected”.
        </p>
      )}
      <FormField id="channel-name" label="Name" error={formState.errors.name?.message}>
        {(aria) => <input type="text" placeholder="e.g. Support WhatsApp" {...aria} {...register('name')} />}
      </FormField>
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
