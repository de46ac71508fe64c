import type { RefObject } from 'react';
import { NavLink } from 'react-router';
import { appRoutes, type AppRoute } from '../routes';

/** The routes in order, cut where the section changes. */
function sections(routes: AppRoute[]): { title?: string; routes: AppRoute[] }[] {
  const out: { title?: string; routes: AppRoute[] }[] = [];
  for (const route of routes) {
    const last = out[out.length - 1];
    if (last && last.title === route.section) last.routes.push(route);
    else out.push({ title: route.section, routes: [route] });
  }
  return out;
}

interface SidebarProps {
  id: string;
  ref: RefObject<HTMLElement | null>;
  /** Closes the drawer it is on a narrow screen (the button is hidden on a wide one). */
  onClose: () => void;
}

export function Sidebar({ id, ref, onClose }: SidebarProps) {
  return (
    <aside className="sidebar" id={id} ref={ref}>
      <button type="button" className="nav-close" onClick={onClose}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">Close menu</span>
      </button>
      <p className="brand">
        <span className="brand-mark" aria-hidden="true">
          ⇄
        </span>{' '}
        Webhook Hub
      </p>
      <nav aria-label="Main">
        {sections(appRoutes).map((section) => (
          <div key={section.title ?? 'home'} className="nav-section">
            {section.title && (
              <p className="nav-heading" aria-hidden="true">
                {section.title}
              </p>
            )}
            <ul className="nav-list">
              {section.routes.map((route) => (
                <li key={route.path}>
                  <NavLink to={route.path} end={route.path === '/'} className="nav-link">
                    {route.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
    </aside>
  );
}
