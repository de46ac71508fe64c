import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';

/**
 * The navigation drawer of a narrow screen: open from the menu button, closed
 * by Escape, the backdrop, its close button or following one of its links.
 * Closing it by hand gives focus back to the menu button.
 */
export function useNavDrawer() {
  const [open, setOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLElement>(null);
  const { pathname } = useLocation();

  const close = useCallback(() => {
    setOpen(false);
    menuButton.current?.focus();
  }, []);

  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const links = drawer.current;
    (links?.querySelector<HTMLElement>('a[aria-current="page"]') ?? links?.querySelector<HTMLElement>('a'))?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, close]);

  return { open, toggle: () => setOpen((was) => !was), close, menuButton, drawer };
}
