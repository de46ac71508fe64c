import { NavLink } from 'react-router';
import { appRoutes } from '../routes';

export function Sidebar() {
  return (
    <aside className="sidebar">
      <p className="brand">
        <span className="brand-mark" aria-hidden="true">
          ⇄
        </span>{' '}
        Webhook Hub
      </p>
      <nav aria-label="Main">
        <ul className="nav-list">
          {appRoutes.map((route) => (
            <li key={route.path}>
              <NavLink to={route.path} end={route.path === '/'} className="nav-link">
                {route.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
