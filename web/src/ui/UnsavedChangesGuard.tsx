import { useEffect } from 'react';
import { useBlocker, type Location } from 'react-router';
import { ConfirmDialog } from './ConfirmDialog';

interface UnsavedChangesGuardProps {
  /** Whether there is something to lose. */
  when: boolean;
  /** Checked at the moment of leaving: true lets it through (e.g. the form was just saved). */
  saved?: () => boolean;
  /** Moves that keep the form on screen (another tab of the same page) are let through. */
  keepsForm?: (current: Location, next: Location) => boolean;
  what: string;
}

/** Asks before a navigation (or closing the tab) would throw away unsaved changes. */
export function UnsavedChangesGuard({ when, saved, keepsForm, what }: UnsavedChangesGuardProps) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => when && !saved?.() && !(keepsForm?.(currentLocation, nextLocation) ?? false),
  );

  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);

  if (blocker.state !== 'blocked') return null;
  return (
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
  );
}
