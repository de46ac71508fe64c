import { InvalidContactFieldError } from '@hub/contacts';

/**
 * What a log line may say about why a trigger request failed. The full
 * message is stored on the request and its inbound log row (account-scoped);
 * logs are not, and a contact rule's message or a database error's detail
 * quotes what the sender sent (an email address, a phone number).
 */
export function failureSummary(error: unknown): string {
  if (error instanceof InvalidContactFieldError) return `invalid ${error.field}`;
  const code = (error as { driverError?: { code?: unknown }; code?: unknown })?.driverError?.code ?? (error as { code?: unknown })?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return `database error ${code}`;
  return error instanceof Error ? error.name : 'unknown error';
}
