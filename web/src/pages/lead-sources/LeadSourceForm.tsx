import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState, type ComponentPropsWithRef } from 'react';
import { FormProvider, useForm, type FieldPath } from 'react-hook-form';
import type { LeadProvider, LeadSource } from '../../api/types';
import { FormField } from '../../ui/FormField';
import { errorMessage } from '../../ui/PageStates';
import { SaveProblemAlert, placeSaveError, type SaveProblem } from '../channels/saveErrors';
import { useWorkflows } from '../workflows/useWorkflows';
import { FieldMappingEditor } from './FieldMappingEditor';
import {
  PROVIDER_LABELS,
  generateSecret,
  leadSourceSchema,
  leadSourceValues,
  pastedSecrets,
  toCreate,
  toUpdate,
  type LeadSourceValues,
} from './leadSourceFormModel';
import { SecretField } from './SecretField';
import { useCreateLeadSource, useUpdateLeadSource } from './useLeadSources';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges';

export interface SavedLeadSource {
  source: LeadSource;
  created: boolean;
  /** The verify token or Google key just saved, to paste at the provider: the hub never shows it again. */
  pasted: { verify_token?: string; google_key?: string };
}

interface LeadSourceFormProps {
  provider: LeadProvider;
  source?: LeadSource;
  onSaved: (saved: SavedLeadSource) => void;
  onCancel: () => void;
}

/**
 * Workflows to enrol captured leads into (every page of them); paused ones are
 * marked, since they enrol nobody until made active. `saved` is the source's
 * workflow, kept selectable even when the list cannot show it.
 */
function WorkflowSelect({ id, saved, ...rest }: { id: string; saved: string | null } & ComponentPropsWithRef<'select'>) {
  const workflows = useWorkflows();
  const { fetchNextPage, isFetchingNextPage } = workflows;
  const more = workflows.hasNextPage && !workflows.isFetchNextPageError;
  useEffect(() => {
    if (more && !isFetchingNextPage) void fetchNextPage();
  }, [more, isFetchingNextPage, fetchNextPage]);
  // Registered only once the options exist, so the saved choice is selected when they appear.
  if (workflows.isPending || more)
    return (
      <select id={id} disabled>
        <option>Loading workflows…</option>
      </select>
    );
  const list = workflows.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <select id={id} {...rest}>
        <option value="">None: only create or update the contact</option>
        {saved && !list.some((workflow) => workflow.id === saved) && <option value={saved}>The workflow chosen before (not listed)</option>}
        {list.map((workflow) => (
          <option key={workflow.id} value={workflow.id}>
            {workflow.name}
            {workflow.active ? '' : ' (paused)'}
          </option>
        ))}
      </select>
      {(workflows.isError || workflows.isFetchNextPageError) && (
        <p className="form-error" role="alert">
          Not every workflow could be loaded: {errorMessage(workflows.error)}
        </p>
      )}
    </>
  );
}

export function LeadSourceForm({ provider, source, onSaved, onCancel }: LeadSourceFormProps) {
  const form = useForm<LeadSourceValues>({ resolver: zodResolver(leadSourceSchema(source)), defaultValues: leadSourceValues(provider, source) });
  const { register, handleSubmit, setError, setFocus, setValue, watch, formState } = form;
  const { errors } = formState;
  const unsaved = useUnsavedChanges({ dirty: formState.isDirty, what: source ? `“${source.name}”` : 'this new lead source' });
  const create = useCreateLeadSource();
  const update = useUpdateLeadSource(source?.id ?? '');
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const saving = create.isPending || update.isPending;
  const kind = source?.provider ?? provider;
  useEffect(() => setFocus('name'), [setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      if (source) {
        const body = toUpdate(values, source);
        onSaved(unsaved.markSaved({ source: await update.mutateAsync(body), created: false, pasted: pastedSecrets(body) }));
      } else {
        const body = toCreate(values);
        onSaved(unsaved.markSaved({ source: await create.mutateAsync(body), created: true, pasted: pastedSecrets(body) }));
      }
    } catch (error) {
      setProblem(
        placeSaveError(error, (field, message) => {
          const name = field === 'field_mapping' ? 'mapping' : field;
          if (!(name in values)) return false;
          setError(name as FieldPath<LeadSourceValues>, { message }, { shouldFocus: true });
          return true;
        }),
      );
    }
  });

  const generate = (name: 'verify_token' | 'google_key') => () => {
    const value = generateSecret(name === 'verify_token' ? 'vt_' : 'gk_');
    setValue(name, value, { shouldDirty: true, shouldValidate: formState.isSubmitted });
    return value;
  };
  const title = source ? `Edit “${source.name}”` : `New ${PROVIDER_LABELS[kind]} source`;

  return (
    <FormProvider {...form}>
      <form className="card form-card" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={title}>
        <h2>{title}</h2>
        <FormField id="source-name" label="Name" hint="For you: shown in the list and on each contact’s source." error={errors.name?.message}>
          {(aria) => <input type="text" placeholder={kind === 'meta' ? 'e.g. Spring campaign — Facebook page' : 'e.g. Google Ads — demo requests'} {...aria} {...register('name')} />}
        </FormField>

        {kind === 'meta' ? (
          <>
            <h3>Meta app and page</h3>
            <FormField
              id="source-page-id"
              label="Page id"
              hint="The numeric id of the Facebook page whose lead forms you collect: the page → About → Page transparency, or Meta Business Suite → Settings."
              error={errors.page_id?.message}
            >
              {(aria) => <input type="text" inputMode="numeric" autoComplete="off" spellCheck={false} placeholder="104857600123456" {...aria} {...register('page_id')} />}
            </FormField>
            <SecretField
              id="source-verify-token"
              label="Verify token"
              hint="Any phrase you choose (8 to 200 characters), typed both here and in the Meta app’s webhook settings. Generate makes a random one."
              stored={Boolean(source?.has_verify_token)}
              error={errors.verify_token?.message}
              registration={register('verify_token')}
              value={watch('verify_token')}
              onGenerate={generate('verify_token')}
            />
            <SecretField
              id="source-app-secret"
              label="App secret"
              hint="Meta for Developers → your app → App settings → Basic → App secret. The hub checks Meta’s signature with it."
              stored={Boolean(source?.has_app_secret)}
              error={errors.app_secret?.message}
              registration={register('app_secret')}
              value={watch('app_secret')}
            />
            <SecretField
              id="source-page-token"
              label="Page access token"
              hint="A long-lived token of the page with the leads_retrieval permission (Graph API Explorer or a system user). The hub fetches each lead’s answers with it."
              stored={Boolean(source?.has_page_access_token)}
              error={errors.page_access_token?.message}
              registration={register('page_access_token')}
              value={watch('page_access_token')}
            />
          </>
        ) : (
          <>
            <h3>Google Ads lead form</h3>
            <SecretField
              id="source-google-key"
              label="Key"
              hint="Typed both here and in the lead form’s webhook settings; Google sends it with every lead (8 to 200 characters). Generate makes a random one."
              stored={Boolean(source?.has_google_key)}
              error={errors.google_key?.message}
              registration={register('google_key')}
              value={watch('google_key')}
              onGenerate={generate('google_key')}
            />
          </>
        )}

        <h3>What each lead becomes</h3>
        <FieldMappingEditor source={source} />
        <FormField
          id="source-workflow"
          label="Enrol into workflow"
          hint="Every captured lead becomes (or updates) a contact; choose a workflow to also enrol it, e.g. to send a welcome email."
          error={errors.workflow_id?.message}
        >
          {(aria) => <WorkflowSelect saved={source?.workflow_id ?? null} {...aria} {...register('workflow_id')} />}
        </FormField>

        <SaveProblemAlert problem={problem} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving} aria-busy={saving}>
            {saving ? 'Saving…' : source ? 'Save changes' : 'Create source'}
          </button>
          <button type="button" className="button" onClick={onCancel} disabled={saving}>
            Cancel
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
