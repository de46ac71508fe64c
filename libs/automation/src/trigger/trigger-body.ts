import { UnprocessableEntityException } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { normalizeEmail, normalizePhone } from '@hub/contacts';

/** What a trigger request says about the person, read from a JSON or form body. */
export interface TriggerContact {
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  /** Every other key: stored on the contact and available to templates. */
  custom_fields: Record<string, unknown>;
  /** The whole body as sent: the run's variables start from it. */
  payload: Record<string, unknown>;
}

const MAX_KEYS = 200;
const MAX_KEY_LENGTH = 100;
const IDENTITY_KEYS = new Set(['email', 'phone', 'whatsapp', 'first_name', 'last_name']);
// Never copied into objects the hub builds from client input.
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function unprocessable(message: string, field?: string): UnprocessableEntityException {
  return new UnprocessableEntityException(field ? { message, details: [{ field, message }] } : message);
}

/** A string-ish value (numbers and booleans too: form senders and some JSON senders mix them), trimmed; blank is none. */
function scalar(body: Record<string, unknown>, key: string): string | null {
  const value = body[key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') throw unprocessable(`${key} must be a string`, key);
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Reads the identity and fields of a trigger body (SPEC §4): `email`, `phone`
 * or `whatsapp` identifies the contact (phone wins when both phone and whatsapp
 * are sent, and whatsapp is then kept as a custom field); `first_name`,
 * `last_name`; every other key is a custom field. 422 naming the field when
 * the body is not an object, identifies nobody, or carries an unreadable
 * email or phone.
 */
export function readTriggerBody(body: unknown): TriggerContact {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw unprocessable('The body must be a JSON object or a form with email, phone or whatsapp');
  }
  const fields = body as Record<string, unknown>;
  const keys = Object.keys(fields).filter((key) => !UNSAFE_KEYS.has(key));
  if (keys.length > MAX_KEYS) throw unprocessable(`The body may have at most ${MAX_KEYS} fields`);
  const long = keys.find((key) => key.length > MAX_KEY_LENGTH || key.trim() === '');
  if (long !== undefined) throw unprocessable(`Field names must be 1–${MAX_KEY_LENGTH} characters`, long.slice(0, MAX_KEY_LENGTH));

  const rawEmail = scalar(fields, 'email');
  const rawPhone = scalar(fields, 'phone');
  const rawWhatsapp = scalar(fields, 'whatsapp');
  if (!rawEmail && !rawPhone && !rawWhatsapp) throw unprocessable('email, phone or whatsapp is required');

  const email = normalizeEmail(rawEmail);
  if (email && !isEmail(email)) throw unprocessable(`email "${rawEmail}" is not an email address`, 'email');
  const phoneField = rawPhone ? 'phone' : 'whatsapp';
  const phoneSource = rawPhone ?? rawWhatsapp;
  const phone = normalizePhone(phoneSource);
  if (phoneSource && !phone) {
    throw unprocessable(`${phoneField} "${phoneSource}" is not a phone number we can read; send it in international format, e.g. +34612345678`, phoneField);
  }

  const custom_fields: Record<string, unknown> = {};
  const payload: Record<string, unknown> = {};
  for (const key of keys) {
    payload[key] = fields[key];
    const usedAsIdentity = IDENTITY_KEYS.has(key) && !(key === 'whatsapp' && rawPhone);
    if (!usedAsIdentity) custom_fields[key] = fields[key];
  }
  return { email, phone, first_name: scalar(fields, 'first_name'), last_name: scalar(fields, 'last_name'), custom_fields, payload };
}
