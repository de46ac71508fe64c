import { createContext, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useBlocker, type Location } from 'react-router';
import { ConfirmDialog } from './ConfirmDialog';

/** One form's part in the guard, as `useUnsavedChanges` keeps it up to date. */
export interface UnsavedForm {
  /** Whether the form holds edits that are not saved. */
  dirty: boolean;
  /** Set as the saved record is handed on, so the move to it does not ask. */
  saved: boolean;
  /** What would be lost, as the question names it: "this new contact", "“Alerts”". */
  what: string;
  /** Moves that keep the form on screen (another tab of the same page) are let through. */
  keepsForm?: (current: Location, next: Location) => boolean;
}

export interface UnsavedFormsRegistry {
  /** Adds or replaces the form under `id`; returns the function that removes it. */
  register: (id: string, form: UnsavedForm) => () => void;
}

export const UnsavedFormsContext = createContext<UnsavedFormsRegistry | null>(null);

/**
 * The one unsaved-changes guard of the signed-in app. react-router keeps only
 * one navigation blocker at a time, so the forms on screen (a group's name and
 * its add-member box, say) register here instead of each blocking on its own:
 * leaving asks when any of them holds unsaved edits, naming the first.
 */
export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const forms = useRef(new Map<string, UnsavedForm>());
  const losing = (current?: Location, next?: Location) =>
    [...forms.current.values()].find(
      (form) => form.dirty && !form.saved && !(current && next && form.keepsForm?.(current, next)),
    );

  const blocker = useBlocker(({ currentLocation, nextLocation }) => losing(currentLocation, nextLocation) !== undefined);

  // Closing or reloading the tab: the browser asks with its own words.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (losing()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const register = useCallback((id: string, form: UnsavedForm) => {
    forms.current.set(id, form);
    return () => {
      forms.current.delete(id);
    };
  }, []);
  const registry = useMemo(() => ({ register }), [register]);

  const what = blocker.state === 'blocked' ? (losing()?.what ?? 'this form') : null;
  return (
    <UnsavedFormsContext.Provider value={registry}>
      {children}
      {blocker.state === 'blocked' && (
        <ConfirmDialog
          title="Leave without saving?"
          confirmLabel="Leave and discard"
          busyLabel="Leaving…"
          busy={false}
          onConfirm={() => blocker.proceed()}
          onCancel={() => blocker.reset()}
        >
          <p>Your changes to {what} are not saved. Cancel to go back and save them.</p>
        </ConfirmDialog>
      )}
    </UnsavedFormsContext.Provider>
  );
}
