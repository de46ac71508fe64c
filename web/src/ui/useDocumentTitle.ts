import { useEffect } from 'react';

const APP_NAME = 'Webhook Hub';

/** The browser tab's title for a screen: "<screen> · Webhook Hub", or the app's name alone. */
export function documentTitle(screen?: string): string {
  return screen ? `${screen} · ${APP_NAME}` : APP_NAME;
}

/** Sets the browser tab's title while the calling screen is shown. */
export function useDocumentTitle(screen?: string): void {
  useEffect(() => {
    document.title = documentTitle(screen);
  }, [screen]);
}
