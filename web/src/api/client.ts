import { clearSession, getToken } from '../auth/session';
import type { ApiErrorBody, FieldErrorDetail } from './types';

/** An error answer from the API (or a failure to reach it: statusCode 0). */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly error: string;
  readonly details?: unknown;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.statusCode = body.statusCode;
    this.error = body.error;
    this.details = body.details;
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

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  /**
   * Send the bearer token and treat a 401 as "session over" (default true).
   * Login passes false: its 401 means "wrong password", not "log in again".
   */
  auth?: boolean;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).message === 'string';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const { body, query, auth = true, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = auth ? getToken() : null;
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      statusCode: 0,
      error: 'Network Error',
      message: 'Could not reach the server. Check your connection and try again.',
    });
  }

  const payload = await readJson(response);
  if (response.ok) return payload as T;

  if (response.status === 401 && auth) clearSession('expired');
  throw new ApiError(
    isErrorBody(payload)
      ? { ...payload, statusCode: response.status }
      : {
          statusCode: response.status,
          error: response.statusText || 'Error',
          message: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
        },
  );
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body }),
  delete: <T = void>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('DELETE', path, options),
};
