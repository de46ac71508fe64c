import { BadRequestException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isEmail } from 'class-validator';
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
 * The phones read lately, by what was sent. A number arrives again and again
 * (a contact writing on WhatsApp, a lead form's sender), and each read with
 * libphonenumber showed at ~3–4 % of the CPU of the node webhook's api and of
 * the worker applying its messages (bench profiles); the same text always
 * reads the same, so the last few thousand answers are kept.
 */
const KNOWN_PHONES = new Map<string, string | null>();
const MAX_KNOWN_PHONES = 5_000;

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
  const key = `${defaultCountry ?? ''}|${trimmed}`;
  const known = KNOWN_PHONES.get(key);
  if (known !== undefined) return known;
  let parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  if (!parsed && !defaultCountry && /^[1-9][\d\s().-]{6,}$/.test(trimmed)) {
    parsed = parsePhoneNumberFromString(`+${trimmed}`);
  }
  const phone = parsed && parsed.isPossible() ? parsed.number : null;
  if (KNOWN_PHONES.size >= MAX_KNOWN_PHONES) KNOWN_PHONES.delete(KNOWN_PHONES.keys().next().value as string);
  KNOWN_PHONES.set(key, phone);
  return phone;
}

/** normalizePhone for client input: blank is "no phone", anything else unparseable is a 400 naming `phone`. */
export function requirePhone(raw: string | null | undefined, defaultCountry?: CountryCode): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const phone = normalizePhone(raw, defaultCountry);
  if (!phone) throw new InvalidContactFieldError('phone', `phone "${raw}" is not a phone number we can read; send it in international format, e.g. +34612345678`);
  return phone;
}

/**
 * The identity an integration sent, normalised: an email that must read as
 * one, a phone that must parse, and at least one of the two.
 * Throws InvalidContactFieldError (400) naming the field otherwise.
 */
export function readIdentity(input: { email?: string | null; phone?: string | null }): { email: string | null; phone: string | null } {
  const email = normalizeEmail(input.email);
  if (email && !isEmail(email)) throw new InvalidContactFieldError('email', `email "${input.email}" is not an email address`);
  const phone = requirePhone(input.phone);
  if (!email && !phone) throw new InvalidContactFieldError('email', 'email or phone is required to identify the contact');
  return { email, phone };
}

/**
 * The advisory-lock keys that serialise upserts of one person in an account,
 * email before phone: every writer takes the same keys, so concurrent
 * upserts of the same person wait for each other instead of failing on the
 * unique index.
 */
export function identityLockKeys(accountId: string, email: string | null, phone: string | null): string[] {
  return [email && `contact:${accountId}:email:${email}`, phone && `contact:${accountId}:phone:${phone}`].filter((key): key is string => !!key);
}

/** Takes these keys' locks in one statement and one sorted order, so two transactions locking overlapping sets wait rather than deadlock. */
export async function lockIdentityKeys(tx: EntityManager, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(`SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM (SELECT DISTINCT k FROM unnest($1::text[]) AS k ORDER BY k) AS sorted`, [keys]);
}
