import { isUUID } from 'class-validator';
import { ErrorDetail } from '@hub/http';
import { webhookUrlProblem } from '@hub/subscriptions';
import { TemplateEngine } from '../templates/template-engine';
import {
  CustomFieldValue,
  HttpRequestStep,
  MAX_WAIT_SECONDS,
  MIN_WAIT_SECONDS,
  STEP_TYPES,
  StepType,
  UpdateContactStep,
  WorkflowStep,
} from './workflow-step';

export const MAX_STEPS = 50;
const MAX_HEADERS = 20;
const MAX_HTTP_BODY_BYTES = 64 * 1024;
const MAX_CUSTOM_FIELDS = 100;
const BODY_LIMITS: Record<string, number> = { send_email: 200_000, send_whatsapp: 65_536, send_sms: 1_600 };

/** The fields each step type has besides `type`. */
const FIELDS: Record<StepType, readonly string[]> = {
  send_email: ['channel_id', 'subject', 'body'],
  send_whatsapp: ['channel_id', 'body'],
  send_sms: ['channel_id', 'body'],
  wait: ['seconds'],
  http_request: ['url', 'body', 'headers'],
  update_contact: ['fields'],
  add_to_group: ['group_id'],
};

/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const LINE_BREAK = /[\r\n\0]/;
/** The hub sets these on every http_request step (signature, body type, identity). */
const RESERVED_HEADERS = new Set(['content-type', 'content-length', 'host', 'user-agent', 'x-webhook-signature', 'transfer-encoding', 'connection']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface ParsedSteps {
  steps: WorkflowStep[];
  problems: ErrorDetail[];
}

/**
 * Checks a workflow's `steps` and returns them normalised (known fields only,
 * header names lower-cased). Every problem names its field as
 * `steps[i].field`. Whether channels and groups exist, and whether a URL's
 * host is allowed, is checked by the service (it needs the database and DNS).
 */
export function parseSteps(input: unknown, templates: TemplateEngine): ParsedSteps {
  const problems: ErrorDetail[] = [];
  if (!Array.isArray(input)) return { steps: [], problems: [{ field: 'steps', message: 'steps must be an array of steps' }] };
  if (input.length > MAX_STEPS) problems.push({ field: 'steps', message: `steps may have at most ${MAX_STEPS} steps` });
  const steps = input.slice(0, MAX_STEPS).map((raw, i) => new StepReader(`steps[${i}]`, raw, templates, problems).read());
  return { steps: steps.filter((step): step is WorkflowStep => step !== null), problems };
}

class StepReader {
  constructor(
    private readonly at: string,
    private readonly raw: unknown,
    private readonly templates: TemplateEngine,
    private readonly problems: ErrorDetail[],
  ) {}

  read(): WorkflowStep | null {
    if (!isPlainObject(this.raw)) return this.fail(this.at, `${this.at} must be an object with a type`);
    const type = this.raw.type;
    if (typeof type !== 'string' || !(STEP_TYPES as readonly string[]).includes(type)) {
      return this.fail(`${this.at}.type`, `${this.at}.type must be one of ${STEP_TYPES.join(', ')}`);
    }
    const stepType = type as StepType;
    for (const key of Object.keys(this.raw)) {
      if (key !== 'type' && !FIELDS[stepType].includes(key)) this.fail(`${this.at}.${key}`, `${this.at}.${key} is not a field of a ${stepType} step`);
    }
    const before = this.problems.length;
    const step = this.readType(stepType, this.raw);
    return this.problems.length === before ? step : null;
  }

  private readType(type: StepType, raw: Record<string, unknown>): WorkflowStep {
    switch (type) {
      case 'send_email':
        return { type, channel_id: this.uuid(raw, 'channel_id'), subject: this.template(raw, 'subject', 998), body: this.template(raw, 'body', BODY_LIMITS[type]) };
      case 'send_whatsapp':
      case 'send_sms':
        return { type, channel_id: this.uuid(raw, 'channel_id'), body: this.template(raw, 'body', BODY_LIMITS[type]) };
      case 'wait':
        return { type, seconds: this.seconds(raw.seconds) };
      case 'http_request':
        return this.httpRequest(raw);
      case 'update_contact':
        return { type, fields: this.contactFields(raw.fields) };
      case 'add_to_group':
        return { type, group_id: this.uuid(raw, 'group_id') };
    }
  }

  private fail(field: string, message: string): null {
    this.problems.push({ field, message });
    return null;
  }

  private uuid(raw: Record<string, unknown>, key: string): string {
    const value = raw[key];
    if (typeof value !== 'string' || !isUUID(value)) this.fail(`${this.at}.${key}`, `${this.at}.${key} must be a UUID`);
    return value as string;
  }

  private template(raw: Record<string, unknown>, key: string, maxLength: number, path = `${this.at}.${key}`): string {
    const value = raw[key];
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(path, `${path} must be a non-empty string`);
    } else if (value.length > maxLength) {
      this.fail(path, `${path} must be at most ${maxLength} characters`);
    } else {
      this.checkTemplate(path, value);
    }
    return value as string;
  }

  private checkTemplate(path: string, source: string): void {
    const problem = this.templates.problem(source);
    if (problem) this.fail(path, `${path} is not a valid template: ${problem}`);
  }

  private seconds(value: unknown): number {
    const field = `${this.at}.seconds`;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_WAIT_SECONDS || value > MAX_WAIT_SECONDS) {
      this.fail(field, `${field} must be a whole number of seconds from ${MIN_WAIT_SECONDS} to ${MAX_WAIT_SECONDS} (90 days)`);
    }
    return value as number;
  }

  private httpRequest(raw: Record<string, unknown>): HttpRequestStep {
    const step: HttpRequestStep = { type: 'http_request', url: raw.url as string };
    const urlField = `${this.at}.url`;
    if (typeof raw.url !== 'string') this.fail(urlField, `${urlField} must be an absolute http(s) URL`);
    else {
      const problem = webhookUrlProblem(raw.url);
      if (problem) this.fail(urlField, `${urlField} ${problem}`);
    }
    if (raw.body !== undefined) step.body = this.httpBody(raw.body);
    if (raw.headers !== undefined) step.headers = this.headers(raw.headers);
    return step;
  }

  private httpBody(body: unknown): Record<string, unknown> | string {
    const field = `${this.at}.body`;
    if (typeof body === 'string') return this.template({ body }, 'body', MAX_HTTP_BODY_BYTES, field);
    if (!isPlainObject(body)) {
      this.fail(field, `${field} must be an object (sent as JSON) or a template string`);
      return body as string;
    }
    if (Buffer.byteLength(JSON.stringify(body)) > MAX_HTTP_BODY_BYTES) this.fail(field, `${field} must be at most 64 KiB as JSON`);
    for (const { path, source } of TemplateEngine.strings(body, field)) this.checkTemplate(path, source);
    return body;
  }

  private headers(headers: unknown): Record<string, string> {
    const field = `${this.at}.headers`;
    if (!isPlainObject(headers)) {
      this.fail(field, `${field} must be an object of header names to values`);
      return {};
    }
    const entries = Object.entries(headers);
    if (entries.length > MAX_HEADERS) this.fail(field, `${field} may have at most ${MAX_HEADERS} headers`);
    const out: Record<string, string> = {};
    for (const [name, value] of entries) {
      const path = `${field}.${name}`;
      const lower = name.toLowerCase();
      if (!HEADER_NAME.test(name)) this.fail(path, `${path}: ${name} is not a valid header name`);
      else if (RESERVED_HEADERS.has(lower) || lower.startsWith('webhook-')) this.fail(path, `${path}: ${name} is set by the hub`);
      else if (lower in out) this.fail(path, `${path}: ${name} is repeated (header names are case-insensitive)`);
      if (typeof value !== 'string' || value.length > 2000 || LINE_BREAK.test(value)) this.fail(path, `${path} must be a string of at most 2000 characters without line breaks`);
      else this.checkTemplate(path, value);
      out[lower] = value as string;
    }
    return out;
  }

  private contactFields(fields: unknown): UpdateContactStep['fields'] {
    const field = `${this.at}.fields`;
    if (!isPlainObject(fields)) {
      this.fail(field, `${field} must be an object with first_name, last_name and/or custom_fields`);
      return {};
    }
    const out: UpdateContactStep['fields'] = {};
    for (const key of Object.keys(fields)) {
      if (!['first_name', 'last_name', 'custom_fields'].includes(key)) this.fail(`${field}.${key}`, `${field}.${key} is not a contact field a workflow can set (first_name, last_name, custom_fields)`);
    }
    if (Object.keys(fields).length === 0) this.fail(field, `${field} must set first_name, last_name or custom_fields`);
    for (const key of ['first_name', 'last_name'] as const) {
      if (fields[key] !== undefined) out[key] = this.template(fields, key, 200, `${field}.${key}`);
    }
    if (fields.custom_fields !== undefined) out.custom_fields = this.customFields(fields.custom_fields, `${field}.custom_fields`);
    return out;
  }

  private customFields(value: unknown, field: string): Record<string, CustomFieldValue> {
    if (!isPlainObject(value)) {
      this.fail(field, `${field} must be an object`);
      return {};
    }
    const entries = Object.entries(value);
    if (entries.length === 0) this.fail(field, `${field} must set at least one field`);
    if (entries.length > MAX_CUSTOM_FIELDS) this.fail(field, `${field} may set at most ${MAX_CUSTOM_FIELDS} fields`);
    for (const [key, item] of entries) {
      const path = `${field}.${key}`;
      if (key.trim() === '' || key.length > 100) this.fail(path, `${path}: field names must be 1–100 characters`);
      if (typeof item === 'string') {
        if (item.length > 10_000) this.fail(path, `${path} must be at most 10000 characters`);
        else this.checkTemplate(path, item);
      } else if (item !== null && typeof item !== 'number' && typeof item !== 'boolean') {
        this.fail(path, `${path} must be a string (template), number, boolean or null (removes the field)`);
      }
    }
    return value as Record<string, CustomFieldValue>;
  }
}
