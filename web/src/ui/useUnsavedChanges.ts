import { useContext, useEffect, useId, useRef } from 'react';
import type { Location } from 'react-router';
import { UnsavedFormsContext } from './UnsavedChangesProvider';

interface UnsavedChangesOptions {
  /** Whether the form holds edits that are not saved (react-hook-form's `formState.isDirty`). */
  dirty: boolean;
  /** What would be lost, as the question names it: "this new contact", "“Alerts”". */
  what: string;
  /** Moves that keep the form on screen are let through. */
  keepsForm?: (current: Location, next: Location) => boolean;
}

/**
 * A form's part in the app's one unsaved-changes guard (UnsavedChangesProvider,
 * in the shell): leaving with unsaved edits, by a link, Back or closing the
 * tab, asks first. Pass the saved record through `markSaved(record)` as it is
 * handed on, so going to the saved record's page does not ask.
 */
export function useUnsavedChanges({ dirty, what, keepsForm }: UnsavedChangesOptions): { markSaved: <T>(record: T) => T } {
  const registry = useContext(UnsavedFormsContext);
  if (!registry) throw new Error('useUnsavedChanges needs UnsavedChangesProvider above it (the app shell has it).');
  const id = useId();
  const saved = useRef(false);
  // A form that is clean again (reset after a save) guards its next edits.
  if (!dirty) saved.current = false;

  // Every render: the guard reads the form's state as it is at the moment of leaving.
  useEffect(() => registry.register(id, { dirty, saved: saved.current, what, keepsForm }));

  return {
    /** Lets the next navigation through; returns the saved record, to pass on as it is. */
    markSaved: <T,>(record: T): T => {
      saved.current = true;
      registry.register(id, { dirty, saved: true, what, keepsForm });
      return record;
    },
  };
}
