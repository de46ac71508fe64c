import { useSyncExternalStore } from 'react';
import { getToken, subscribe } from './session';

/** The current bearer token (null when signed out); re-renders on change. */
export function useToken(): string | null {
  return useSyncExternalStore(subscribe, getToken, () => null);
}
