import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { CreatedApiKey } from '../../api/types';
import { FieldError } from '../../ui/FieldError';
import { errorMessage } from '../../ui/PageStates';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges';
import { useCreateApiKey } from './useApiKeys';

const createKeySchema = z.object({
  name: z.string().trim().min(1, 'Give the key a name').max(100, 'Names are at most 100 characters'),
});
type CreateKeyValues = z.infer<typeof createKeySchema>;

export function CreateApiKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const create = useCreateApiKey();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isDirty },
  } = useForm<CreateKeyValues>({ resolver: zodResolver(createKeySchema), defaultValues: { name: '' } });
  const unsaved = useUnsavedChanges({ dirty: isDirty, what: 'the new key’s name' });

  const onSubmit = handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: (created) => {
        reset();
        onCreated(unsaved.markSaved(created));
      },
    }),
  );

  return (
    <form className="card form-card" onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Create API key">
      <h2>Create a key</h2>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="api-key-name">Key name</label>
          <input
            id="api-key-name"
            type="text"
            placeholder="e.g. CRM sync"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'api-key-name-error' : 'api-key-name-hint'}
            {...register('name')}
          />
          <p id="api-key-name-hint" className="field-hint">
            Say which system uses it, so you know what breaks if you delete it.
          </p>
          <FieldError id="api-key-name-error" message={errors.name?.message} />
        </div>
        <button type="submit" className="button button-primary" disabled={create.isPending} aria-busy={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create key'}
        </button>
      </div>
      {create.error && (
        <p className="form-error" role="alert">
          The key could not be created: {errorMessage(create.error)}
        </p>
      )}
    </form>
  );
}
