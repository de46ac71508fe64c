import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { get, useFieldArray, useForm, type FieldPath, type UseFormRegisterReturn } from 'react-hook-form';
import { ApiError } from '../../api/client';
import type { Contact, CrmLookup } from '../../api/types';
import { FormField } from '../../ui/FormField';
import { KeyValueRows } from '../../ui/KeyValueRows';
import { errorMessage } from '../../ui/PageStates';
import { fieldMessage } from '../../ui/fieldMessage';
import { contactFieldFor, contactFormSchema, contactValues, toCreateContact, toUpdateContact, type ContactFormValues } from './contactFormModel';
import { useCreateContact, useUpdateContact } from './useContacts';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges';

interface ContactFormProps {
  contact?: Contact;
  statuses: CrmLookup[];
  sources: CrmLookup[];
  onSaved: (contact: Contact, created: boolean) => void;
  onCancel: () => void;
  onManageLookups: () => void;
}

function LookupSelect({ id, label, plural, options, empty, register, onManage }: {
  id: string;
  label: string;
  plural: string;
  options: CrmLookup[];
  empty: string;
  register: UseFormRegisterReturn;
  onManage: () => void;
}) {
  return (
    <FormField
      id={id}
      label={label}
      hint={
        <>
          {options.length === 0 ? `No ${plural} yet. ` : ''}
          <button type="button" className="link-button" onClick={onManage}>
            Manage {plural}
          </button>
        </>
      }
    >
      {(aria) => (
        <select {...aria} {...register}>
          <option value="">{empty}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** Create a contact, or edit one: identity, status and source, custom fields, reachability. */
export function ContactForm({ contact, statuses, sources, onSaved, onCancel, onManageLookups }: ContactFormProps) {
  const form = useForm<ContactFormValues>({ resolver: zodResolver(contactFormSchema), defaultValues: contactValues(contact) });
  const { register, handleSubmit, setError, setFocus, formState, control, reset } = form;
  const { errors } = formState;
  const fields = useFieldArray({ control, name: 'custom_fields' });
  const create = useCreateContact();
  const update = useUpdateContact(contact?.id ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const saving = create.isPending || update.isPending;
  const unsaved = useUnsavedChanges({ dirty: formState.isDirty, what: contact ? 'this contact' : 'this new contact' });
  useEffect(() => {
    if (!contact) setFocus('email');
  }, [contact, setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      if (contact) {
        const saved = await update.mutateAsync(toUpdateContact(values, contact));
        reset(contactValues(saved));
        onSaved(unsaved.markSaved(saved), false);
      } else onSaved(unsaved.markSaved(await create.mutateAsync(toCreateContact(values))), true);
    } catch (error) {
      let placed = 0;
      if (error instanceof ApiError) {
        for (const detail of error.fieldErrors) {
          const field = contactFieldFor(detail.field, values);
          if (!field) continue;
          setError(field as FieldPath<ContactFormValues>, { message: fieldMessage(detail.field, detail.message) }, { shouldFocus: placed === 0 });
          placed += 1;
        }
      }
      setProblem(placed > 0 ? 'Nothing was saved: fix the fields marked below.' : `Nothing was saved: ${errorMessage(error)}`);
    }
  });

  const rowError = (index: number, part: 'name' | 'value') =>
    (get(errors, `custom_fields.${index}.${part}`) as { message?: string } | undefined)?.message;

  return (
    <form className="card form-card" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={contact ? 'Edit contact' : 'New contact'}>
      <h2>{contact ? 'Details' : 'New contact'}</h2>
      <div className="form-grid">
        <FormField id="contact-email" label="Email" error={errors.email?.message}>
          {(aria) => <input type="email" autoComplete="off" placeholder="maria@example.com" {...aria} {...register('email')} />}
        </FormField>
        <FormField id="contact-phone" label="Phone" hint="With + and the country code, e.g. +34 612 34 56 78; stored as E.164, the international format without spaces." error={errors.phone?.message}>
          {(aria) => <input type="text" inputMode="tel" autoComplete="off" placeholder="+34 612 34 56 78" {...aria} {...register('phone')} />}
        </FormField>
        <FormField id="contact-first-name" label="First name" error={errors.first_name?.message}>
          {(aria) => <input type="text" autoComplete="off" {...aria} {...register('first_name')} />}
        </FormField>
        <FormField id="contact-last-name" label="Last name" error={errors.last_name?.message}>
          {(aria) => <input type="text" autoComplete="off" {...aria} {...register('last_name')} />}
        </FormField>
        <LookupSelect id="contact-status" label="Status" plural="statuses" options={statuses} empty="No status" register={register('status_id')} onManage={onManageLookups} />
        <LookupSelect id="contact-source" label="Source" plural="sources" options={sources} empty="No source" register={register('source_id')} onManage={onManageLookups} />
      </div>
      <KeyValueRows
        legend="Custom fields"
        hint={
          <>
            Workflows see each as <code>{'{{ name }}'}</code>. Numbers and true/false keep their type.
          </>
        }
        idPrefix="contact-field"
        rowLabel="Field"
        rows={fields.fields}
        register={(index, part) => register(`custom_fields.${index}.${part}`)}
        errorFor={rowError}
        placeholders={{ name: 'plan', value: 'pro' }}
        onAdd={() => fields.append({ name: '', value: '', kind: 'text' })}
        onRemove={fields.remove}
        addLabel="Add custom field"
      />
      {contact && (
        <fieldset className="fieldset">
          <legend>Reachability</legend>
          <p className="field-hint">Set by hard bounces and complaints; the hub sends nothing to an undeliverable address.</p>
          <div className="checkbox-row">
            <label className="checkbox-label">
              <input type="checkbox" {...register('email_undeliverable')} /> Email undeliverable
            </label>
            <label className="checkbox-label">
              <input type="checkbox" {...register('phone_undeliverable')} /> Phone undeliverable
            </label>
          </div>
        </fieldset>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving} aria-busy={saving}>
          {saving ? 'Saving…' : contact ? 'Save changes' : 'Create contact'}
        </button>
        {contact ? (
          <button type="button" className="button" onClick={() => reset(contactValues(contact))} disabled={saving || !formState.isDirty}>
            Discard changes
          </button>
        ) : (
          <button type="button" className="button" onClick={onCancel} disabled={saving}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
