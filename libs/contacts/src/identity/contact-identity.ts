import { BadRequestException } from '@nestjs/common';
import { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/** A contact field value the hub cannot store (400 naming the field, e.g. an unparseable phone). */
export class InvalidContactFieldError extends BadRequestException {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super({ message, details: [{ field, message }] });
  }
}

/** Emails are matched case-insensitively, so they are stored trimmed and lower-cased; blank means none. */
export function normalizeEmail(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const email = raw.trim().toLowerCase();
  return email === '' ? null : email;
}

/**
 * E.164 form of a phone number, or null when it cannot be one. Without a
 * default country a bare run of digits is read as international: webhook
 * senders (and WhatsApp ids) often drop the leading `+`.
 * Uses isPossible (length per country), not isValid: number ranges change
 * faster than the bundled metadata, and a reachable number must not be refused.
 */
export function normalizePhone(raw: string | null | undefined, defaultCountry?: CountryCode): string | null {
  if (raw === null || raw === undefined) return null;
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  let parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  if (!parsed && !defaultCountry && /^[1-9][\d\s().-]{6,}$/.test(trimmed)) {
    parsed = parsePhoneNumberFromString(`+${trimmed}`);
  }
  return parsed && parsed.isPossible() ? parsed.number : null;
}

/** normalizePhone for client input: blank is "no phone", anything else unparseable is a 400 naming `phone`. */
export function requirePhone(raw: string | null | undefined, defaultCountry?: CountryCode): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const phone = normalizePhone(raw, defaultCountry);
  if (!phone) throw new InvalidContactFieldError('phone', `phone "${raw}" is not a phone number we can read; send it in international format, e.g. +34612345678`);
  return phone;
}
