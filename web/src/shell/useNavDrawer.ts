import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';

/**
 * The navigation drawer of a narrow screen: open from the menu button, closed
 * by Escape, the backdrop, its close button or following one of its links.
 * While open, focus starts on the current screen's link and the page behind
 * is inert; closing it by hand gives focus back to the menu button.
 */
export function useNavDrawer() {
  const [open, setOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLElement>(null);
  const refocusMenu = useRef(false);
  const { pathname } = useLocation();

  const close = useCallback(() => {
    refocusMenu.current = true;
    setOpen(false);
  }, []);

  useEffect(() => setOpen(false), [pathname]);

  // Widening the window past the phone layout shows the sidebar in place: the drawer (and the page's inertness) ends.
  useEffect(() => {
    const wide = window.matchMedia?.('(min-width: 761px)');
    if (!wide) return;
    const onChange = () => {
      if (wide.matches) setOpen(false);
    };
    wide.addEventListener('change', onChange);
    return () => wide.removeEventListener('change', onChange);
  }, []);

  useEffect(() => {
    if (!open) {
      // After the render that lifted `inert` from the page, so the button can take focus.
      if (refocusMenu.current) menuButton.current?.focus();
      refocusMenu.current = false;
      return;
    }
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
