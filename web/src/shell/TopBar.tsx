import { useQueryClient } from '@tanstack/react-query';
import { clearSession } from '../auth/session';
import { useMe } from './useMe';

export function TopBar() {
  const me = useMe();
  const queryClient = useQueryClient();

  // The shell sees the token go and redirects to /login.
  const logOut = () => {
    clearSession('logout');
    queryClient.clear();
  };

  return (
    <header className="topbar">
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
