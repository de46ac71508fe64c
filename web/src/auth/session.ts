/**
 * The signed-in session: the bearer token in localStorage, observable so the
 * shell re-renders (and redirects to /login) the moment it is cleared, whether
 * by Log out, by a 401 from the API, or by another tab.
 */
const TOKEN_KEY = 'webhook-hub.token';

export type SessionEndReason = 'logout' | 'expired';

const listeners = new Set<() => void>();
let lastEndReason: SessionEndReason | null = null;

function readToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function emit(): void {
  for (const listener of listeners) listener();
}

export function getToken(): string | null {
  return readToken();
}

export function setToken(token: string): void {
  window.localStorage.setItem(TOKEN_KEY, token);
  lastEndReason = null;
  emit();
}

export function clearSession(reason: SessionEndReason): void {
  if (readToken() === null) return;
  window.localStorage.removeItem(TOKEN_KEY);
  lastEndReason = reason;
  emit();
}

/** Why the last session ended, so the login page can say so. */
export function getSessionEndReason(): SessionEndReason | null {
  return lastEndReason;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === TOKEN_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
