import { ValidateBy, ValidationArguments } from 'class-validator';
import { webhookUrlProblem } from '@hub/subscriptions';
import { TemplateEngine } from '../../templates/template-engine';

/*
 * Rules of step fields that class-validator has no decorator for. Each
 * decorator checks one field and answers one sentence that starts with the
 * field's name (the validation pipe puts the step's path in front of it:
 * `steps[2].headers: …`). Whether channels and groups exist and whether a
 * URL's host resolves to a public address is checked by the service (it needs
 * the database and DNS).
 */

export const MAX_HEADERS = 20;
export const MAX_HTTP_BODY_BYTES = 64 * 1024;
export const MAX_CUSTOM_FIELDS = 100;
export const MAX_CUSTOM_FIELD_NAME = 100;
export const MAX_CUSTOM_FIELD_TEXT = 10_000;
export const MAX_HEADER_VALUE = 2000;

/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const LINE_BREAK = /[\r\n\0]/;
/** The hub sets these on every http_request step (signature, body type, identity). */
const RESERVED_HEADERS = new Set(['content-type', 'content-length', 'host', 'user-agent', 'x-webhook-signature', 'transfer-encoding', 'connection']);

const templates = new TemplateEngine();

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function templateProblem(path: string, source: string): string | null {
  const problem = templates.problem(source);
  return problem ? `${path} is not a valid template: ${problem}` : null;
}

/** A decorator whose rule names what is wrong (null: nothing), so the message can say it. */
function rule(name: string, problem: (value: unknown, property: string) => string | null): PropertyDecorator {
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => problem(value, args?.property ?? '') === null,
      defaultMessage: (args?: ValidationArguments) => problem(args?.value, args?.property ?? '') ?? `${args?.property} is invalid`,
    },
  });
}

/**
 * A Liquid template (`{{ first_name }}`): not blank and parses. Length and type
 * are left to MaxLength / IsString (so openapi.json carries them); a template
 * longer than `maxLength` is not parsed.
 */
export function IsTemplate(maxLength: number): PropertyDecorator {
  return rule('isTemplate', (value, property) => {
    if (typeof value !== 'string' || value.length > maxLength) return null;
    // '' is MinLength's to name.
    if (value.trim() === '') return value === '' ? null : `${property} must not be blank`;
    return templateProblem(property, value);
  });
}

/** Absolute http(s), no credentials, ≤ 2048 characters (the same rule as endpoint URLs). */
export function IsStepUrl(): PropertyDecorator {
  return rule('isStepUrl', (value, property) => {
    if (typeof value !== 'string') return `${property} must be an absolute http(s) URL`;
    const problem = webhookUrlProblem(value);
    return problem ? `${property} ${problem}` : null;
  });
}

/** An object sent as JSON (its strings are templates) or one template string; at most 64 KiB either way. */
export function IsHttpStepBody(): PropertyDecorator {
  return rule('isHttpStepBody', (value, property) => {
    if (typeof value === 'string') {
      if (value.length > MAX_HTTP_BODY_BYTES) return `${property} must be at most ${MAX_HTTP_BODY_BYTES} characters`;
      if (value.trim() === '') return `${property} must not be blank`;
      return templateProblem(property, value);
    }
    if (!isPlainObject(value)) return `${property} must be an object (sent as JSON) or a template string`;
    if (Buffer.byteLength(JSON.stringify(value)) > MAX_HTTP_BODY_BYTES) return `${property} must be at most 64 KiB as JSON`;
    for (const { path, source } of TemplateEngine.strings(value, '')) {
      const problem = templates.problem(source);
      if (problem) return `${property}: ${path.replace(/^\./, '')} is not a valid template: ${problem}`;
    }
    return null;
  });
}

/** Up to 20 headers; names are RFC 9110 tokens, once each (case-insensitive), none the hub sets; values are one-line templates. */
export function IsStepHeaders(): PropertyDecorator {
  return rule('isStepHeaders', (value, property) => {
    if (!isPlainObject(value)) return `${property} must be an object of header names to values`;
    const entries = Object.entries(value);
    if (entries.length > MAX_HEADERS) return `${property} may have at most ${MAX_HEADERS} headers`;
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const [name, text] of entries) {
      const lower = name.toLowerCase();
      if (!HEADER_NAME.test(name)) problems.push(`${name} is not a valid header name`);
      else if (RESERVED_HEADERS.has(lower) || lower.startsWith('webhook-')) problems.push(`${name} is set by the hub`);
      else if (seen.has(lower)) problems.push(`${name} is repeated (header names are case-insensitive)`);
      seen.add(lower);
      if (typeof text !== 'string' || text.length > MAX_HEADER_VALUE || LINE_BREAK.test(text)) {
        problems.push(`${name} must be a string of at most ${MAX_HEADER_VALUE} characters without line breaks`);
      } else {
        const problem = templates.problem(text);
        if (problem) problems.push(`${name} is not a valid template: ${problem}`);
      }
    }
    return problems.length ? `${property}: ${problems.join('; ')}` : null;
  });
}

/** 1–100 custom fields; a string value is a template (≤ 10,000 characters), null removes the field. */
export function IsCustomFieldValues(): PropertyDecorator {
  return rule('isCustomFieldValues', (value, property) => {
    if (!isPlainObject(value)) return `${property} must be an object`;
    const entries = Object.entries(value);
    if (entries.length === 0) return `${property} must set at least one field`;
    if (entries.length > MAX_CUSTOM_FIELDS) return `${property} may set at most ${MAX_CUSTOM_FIELDS} fields`;
    const problems: string[] = [];
    for (const [key, item] of entries) {
      if (key.trim() === '' || key.length > MAX_CUSTOM_FIELD_NAME) problems.push(`field names must be 1–${MAX_CUSTOM_FIELD_NAME} characters`);
      if (typeof item === 'string') {
        if (item.length > MAX_CUSTOM_FIELD_TEXT) problems.push(`${key} must be at most ${MAX_CUSTOM_FIELD_TEXT} characters`);
        else {
          const problem = templates.problem(item);
          if (problem) problems.push(`${key} is not a valid template: ${problem}`);
        }
      } else if (item !== null && typeof item !== 'number' && typeof item !== 'boolean') {
        problems.push(`${key} must be a string (template), number, boolean or null (removes the field)`);
      }
    }
    return problems.length ? `${property}: ${problems.join('; ')}` : null;
  });
}
