import type { RefObject } from 'react';
import { NavLink } from 'react-router';
import { appRoutes, type AppRoute } from '../routes';
import { useNavFlags } from './useNavFlags';

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
  const flags = useNavFlags();
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
              {section.routes.map((route) => {
                const flag = flags[route.path];
                const flagId = `nav-flag-${route.path.replace(/\W/g, '')}`;
                return (
                  <li key={route.path} className={flag ? 'nav-item-flagged' : undefined}>
                    {/* The flag describes the link rather than naming it: the link stays "Webhooks" for everyone. */}
                    <NavLink to={route.path} end={route.path === '/'} className="nav-link" aria-describedby={flag ? flagId : undefined}>
                      {route.label}
                    </NavLink>
                    {flag && (
                      <span id={flagId} className="nav-flag">
                        <span aria-hidden="true">{flag.short}</span>
                        <span className="visually-hidden">{flag.long}</span>
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </nav>
    </aside>
  );
}
