/**
 * Shapes of the admin API routes this app calls.
 *
 * Hand-written for now; a later issue replaces this file and `client.ts` with a
 * client generated from the API's committed `openapi.json`.
 */

/** `details` entry of a 400 answer: one per bad field. */
export interface FieldErrorDetail {
  field: string;
  message: string;
}

/** Body of every error answer. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldErrorDetail[] | unknown;
}

// POST /api/auth/login
export interface LoginRequest {
  email: string;
  password: string;
}
export interface LoginResponse {
  access_token: string;
  account_id: string;
}

// GET /api/auth/me
export interface Me {
  user: { id: string; email: string };
  account: { id: string; name: string };
}

// GET /api/event-types
export interface EventType {
  type: string;
  description: string;
  channels: string[];
  schema: Record<string, unknown>;
  example: Record<string, unknown>;
}

// GET /api/api-keys
export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
}
// POST /api/api-keys
export interface CreateApiKeyRequest {
  name: string;
}
/** The full `key` is only in this answer; it is stored hashed. */
export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  key: string;
  created_at: string;
}

// GET /api/contacts?search=&cursor=&limit=
export interface Contact {
  id: string;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  custom_fields: Record<string, unknown>;
  status_id: string | null;
  source_id: string | null;
  email_undeliverable: boolean;
  phone_undeliverable: boolean;
  created_at: string;
  updated_at: string;
}
export interface ContactsQuery {
  search?: string;
  cursor?: string;
  limit?: number;
}
export interface CursorPage<T> {
  items: T[];
  next_cursor: string | null;
}
