import { Navigate, Outlet, useLocation } from 'react-router';
import { getSessionEndReason } from '../auth/session';
import { useToken } from '../auth/useSession';
import { appRoutes } from '../routes';
import { UnsavedChangesProvider } from '../ui/UnsavedChangesProvider';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { screenTitle } from './screenTitle';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { useNavDrawer } from './useNavDrawer';

/**
 * Everything behind the login: without a token (never had one, logged out, or
 * a 401 cleared it) it sends the user to /login, remembering where they were.
 * On a narrow screen the sidebar is a drawer opened from the top bar's menu button.
 */
export function AppShell() {
  const token = useToken();
  const location = useLocation();
  const drawer = useNavDrawer();
  useDocumentTitle(screenTitle(appRoutes, location.pathname));

  if (!token) {
    const reason = getSessionEndReason();
    const from = reason === 'logout' ? undefined : `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from, reason }} />;
  }

  return (
    <UnsavedChangesProvider>
      <div className={drawer.open ? 'shell nav-open' : 'shell'}>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Sidebar id="main-nav" ref={drawer.drawer} onClose={drawer.close} />
        {drawer.open && <div className="nav-backdrop" aria-hidden="true" onClick={drawer.close} />}
        <div className="shell-main" inert={drawer.open}>
          <TopBar menuOpen={drawer.open} onMenu={drawer.toggle} menuButton={drawer.menuButton} />
          <main id="main" className="content" tabIndex={-1}>
            <Outlet />
          </main>
        </div>
      </div>
    </UnsavedChangesProvider>
  );
}
