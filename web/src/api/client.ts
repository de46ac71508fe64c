import createClient, { type Middleware } from 'openapi-fetch';
import { clearSession, getToken } from '../auth/session';
import type { paths } from './schema';
import type { ApiErrorBody, FieldErrorDetail } from './types';

/** An error answer from the API (or a failure to reach it: statusCode 0). */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly error: string;
  readonly details?: unknown;
  /** The whole error answer, for routes whose errors carry more (e.g. 422 `url` and `status`). */
  readonly body: Record<string, unknown>;

  constructor(body: ApiErrorBody & Record<string, unknown>) {
    super(body.message);
    this.name = 'ApiError';
    this.statusCode = body.statusCode;
    this.error = body.error;
    this.details = body.details;
    this.body = body;
  }

  /** Per-field messages of a validation error, when the API sent them. */
  get fieldErrors(): FieldErrorDetail[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldErrorDetail =>
        typeof d === 'object' && d !== null && typeof (d as FieldErrorDetail).field === 'string',
    );
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody & Record<string, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).message === 'string';
}

function createApiClient() {
  return createClient<paths>({
    // Same origin as the app; absolute so it also works where Request needs a full URL (tests).
    baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
    headers: { Accept: 'application/json' },
    // Looked up on every call rather than captured once, so tests can stub it.
    fetch: (request) => globalThis.fetch(request),
  });
}

/** Sends the bearer token; a 401 means the session is over (the shell then shows /login). */
const bearerAuth: Middleware = {
  onRequest({ request }) {
    const token = getToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) clearSession('expired');
    return undefined;
  },
};

/**
 * The admin API, typed from `openapi.json` (see `npm run api:generate`).
 * Wrap each call in `unwrap` to get its data or an `ApiError`.
 */
export const api = createApiClient();
api.use(bearerAuth);

/** For calls made without a session (login): no token, and a 401 is an answer, not an expired session. */
export const publicApi = createApiClient();

interface ClientResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a 2xx answer; otherwise throws an `ApiError` whose message says what went wrong in words. */
export async function unwrap<T>(call: Promise<ClientResult<T>>): Promise<T> {
  let result: ClientResult<T>;
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    if (cause instanceof Error && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      statusCode: 0,
      error: 'Network Error',
      message: 'Could not reach the server. Check your connection and try again.',
    });
  }
  const { response } = result;
  if (response.ok) return result.data as T;
  throw new ApiError(
    isErrorBody(result.error)
      ? { ...result.error, statusCode: response.status }
      : {
          statusCode: response.status,
          error: response.statusText || 'Error',
          message: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
        },
  );
}
