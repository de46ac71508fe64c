import { useEffect, useRef, type ReactNode } from 'react';
import type { Location } from 'react-router';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';

interface UnsavedChangesOptions {
  /** Whether the form holds edits that are not saved (react-hook-form's `formState.isDirty`). */
  dirty: boolean;
  /** What would be lost, as the question names it: "this new contact", "“Alerts”". */
  what: string;
  /** Moves that keep the form on screen are let through. */
  keepsForm?: (current: Location, next: Location) => boolean;
}

/**
 * The one unsaved-changes guard for a form: render `guard` inside the form's
 * component and pass the saved record through `markSaved(record)` as it is handed on
 * (so going to the saved record's page does not ask). Leaving with unsaved
 * edits, by a link, Back or closing the tab, asks first.
 */
export function useUnsavedChanges({ dirty, what, keepsForm }: UnsavedChangesOptions): {
  guard: ReactNode;
  markSaved: <T>(record: T) => T;
} {
  const saved = useRef(false);

  // A form that is clean again (reset after a save) guards its next edits.
  useEffect(() => {
    if (!dirty) saved.current = false;
  }, [dirty]);

  return {
    guard: <UnsavedChangesGuard when={dirty} saved={() => saved.current} what={what} keepsForm={keepsForm} />,
    /** Lets the next navigation through; returns the saved record, to pass on as it is. */
    markSaved: <T,>(record: T): T => {
      saved.current = true;
      return record;
    },
  };
}
