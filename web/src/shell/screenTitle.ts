import type { AppRoute } from '../routes';

/** The sidebar label of the screen at `pathname` (a detail path counts as its list's screen). */
export function screenTitle(routes: Pick<AppRoute, 'path' | 'label'>[], pathname: string): string | undefined {
  const exact = routes.find((route) => route.path === pathname);
  if (exact) return exact.label;
  const parent = routes
    .filter((route) => route.path !== '/' && pathname.startsWith(`${route.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return parent?.label ?? (pathname === '/' ? undefined : 'Page not found');
}
