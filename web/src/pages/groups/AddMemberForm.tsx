import { useState } from 'react';
import { ApiError } from '../../api/client';
import type { GroupMember } from '../../api/types';
import { FormField } from '../../ui/FormField';
import { errorMessage } from '../../ui/PageStates';
import { fieldMessage } from '../../ui/fieldMessage';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges';
import { useAddGroupMember } from './useGroups';

/** The request body for what was typed: an email when it has an @, else a phone number. */
export function memberBody(input: string): { email: string } | { phone: string } {
  const value = input.trim();
  return value.includes('@') ? { email: value } : { phone: value };
}

/** Add a member by email or phone; the hub finds the contact, or creates it. */
export function AddMemberForm({ groupId }: { groupId: string }) {
  const add = useAddGroupMember(groupId);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [added, setAdded] = useState<GroupMember | null>(null);
  useUnsavedChanges({ dirty: value.trim() !== '', what: 'the member you were adding' });

  const submit = () => {
    setProblem(undefined);
    setAdded(null);
    if (!value.trim()) {
      setProblem('Enter an email address or a phone number');
      return;
    }
    add.mutate(memberBody(value), {
      onSuccess: (member) => {
        setAdded(member);
        setValue('');
      },
      onError: (error) => setProblem(error instanceof ApiError && error.fieldErrors[0] ? fieldMessage(error.fieldErrors[0].field, error.fieldErrors[0].message) : errorMessage(error)),
    });
  };

  return (
    <form
      className="inline-form add-member"
      aria-label="Add member"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormField
        id="member-input"
        label="Email or phone"
        hint="A new address or number creates the contact. Someone who unsubscribed is subscribed again."
        error={problem}
      >
        {(aria) => <input type="text" autoComplete="off" placeholder="maria@example.com or +34 612 34 56 78" value={value} onChange={(e) => setValue(e.target.value)} {...aria} />}
      </FormField>
      <button type="submit" className="button button-primary" disabled={add.isPending} aria-busy={add.isPending}>
        {add.isPending ? 'Adding…' : 'Add member'}
      </button>
      <p className="visually-hidden" role="status">
        {added && `${added.email ?? added.phone} added.`}
      </p>
    </form>
  );
}
