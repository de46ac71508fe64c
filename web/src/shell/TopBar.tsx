import { useQueryClient } from '@tanstack/react-query';
import type { RefObject } from 'react';
import { clearSession } from '../auth/session';
import { useMe } from './useMe';

interface TopBarProps {
  menuOpen: boolean;
  onMenu: () => void;
  menuButton: RefObject<HTMLButtonElement | null>;
}

/** The account, Log out, and on a narrow screen the button that opens the navigation. */
export function TopBar({ menuOpen, onMenu, menuButton }: TopBarProps) {
  const me = useMe();
  const queryClient = useQueryClient();

  // The shell sees the token go and redirects to /login.
  const logOut = () => {
    clearSession('logout');
    queryClient.clear();
  };

  return (
    <header className="topbar">
      <button
        ref={menuButton}
        type="button"
        className="button button-ghost menu-button"
        aria-expanded={menuOpen}
        aria-controls="main-nav"
        onClick={onMenu}
      >
        <span aria-hidden="true">☰</span> Menu
      </button>
      <div className="account" aria-live="polite">
        {me.isPending && <span className="muted">Loading account…</span>}
        {me.isError && <span className="muted">Account details unavailable</span>}
        {me.data && (
          <>
            <span className="account-name">{me.data.account.name}</span>
            <span className="account-email">{me.data.user ? me.data.user.email : 'Signed in with an API key'}</span>
          </>
        )}
      </div>
      <button type="button" className="button button-ghost" onClick={logOut}>
        Log out
      </button>
    </header>
  );
}
