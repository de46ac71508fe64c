import { Navigate, Outlet, useLocation } from 'react-router';
import { getSessionEndReason } from '../auth/session';
import { useToken } from '../auth/useSession';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';

/**
 * Everything behind the login: without a token (never had one, logged out, or
 * a 401 cleared it) it sends the user to /login, remembering where they were.
 */
export function AppShell() {
  const token = useToken();
  const location = useLocation();

  if (!token) {
    const reason = getSessionEndReason();
    const from = reason === 'logout' ? undefined : `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from, reason }} />;
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar />
      <div className="shell-main">
        <TopBar />
        <main id="main" className="content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
