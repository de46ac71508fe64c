import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ApiError } from '../../api/client';
import type { Group } from '../../api/types';
import { FormField } from '../../ui/FormField';
import { errorMessage } from '../../ui/PageStates';
import { useCreateGroup, useUpdateGroup } from './useGroups';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges';

const schema = z.object({
  name: z.string().trim().min(1, 'Give the group a name').max(200, 'Names are at most 200 characters'),
  description: z.string().max(2000, 'Descriptions are at most 2000 characters'),
});
type Values = z.infer<typeof schema>;

/** Create a group, or rename one (name and description). */
export function GroupForm({ group, onSaved }: { group?: Group; onSaved: (group: Group) => void }) {
  const { register, handleSubmit, reset, setError, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { name: group?.name ?? '', description: group?.description ?? '' },
  });
  const create = useCreateGroup();
  const update = useUpdateGroup(group?.id ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const saving = create.isPending || update.isPending;
  const unsaved = useUnsavedChanges({ dirty: formState.isDirty, what: group ? `“${group.name}”` : 'the new group' });
  const idPrefix = group ? 'group-edit' : 'group-new';

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    const body = { name: values.name.trim(), description: values.description.trim() || null };
    try {
      const saved = group ? await update.mutateAsync(body) : await create.mutateAsync(body);
      reset(group ? { name: saved.name, description: saved.description ?? '' } : { name: '', description: '' });
      onSaved(unsaved.markSaved(saved));
    } catch (error) {
      // A duplicate name is a 409 that names no field: it belongs to the name all the same.
      if (error instanceof ApiError && (error.statusCode === 409 || error.fieldErrors.some((d) => d.field === 'name'))) {
        setError('name', { message: error.fieldErrors.find((d) => d.field === 'name')?.message ?? error.message }, { shouldFocus: true });
      } else setProblem(`Nothing was saved: ${errorMessage(error)}`);
    }
  });

  return (
    <form className="card form-card" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={group ? 'Rename group' : 'Create group'}>
      <h2>{group ? 'Name and description' : 'Create a group'}</h2>
      <div className="inline-form">
        <FormField id={`${idPrefix}-name`} label="Group name" error={formState.errors.name?.message}>
          {(aria) => <input type="text" placeholder="e.g. Monthly newsletter" {...aria} {...register('name')} />}
        </FormField>
        <FormField id={`${idPrefix}-description`} label="Description" error={formState.errors.description?.message}>
          {(aria) => <input type="text" placeholder="Optional" {...aria} {...register('description')} />}
        </FormField>
        <button type="submit" className="button button-primary" disabled={saving} aria-busy={saving}>
          {saving ? 'Saving…' : group ? 'Save' : 'Create group'}
        </button>
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
