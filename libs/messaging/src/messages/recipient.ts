import { BadRequestException } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { ChannelType } from '@hub/channels';
import { type Contact, normalizeEmail, normalizePhone } from '@hub/contacts';

function badTo(message: string): BadRequestException {
  return new BadRequestException({ message, details: [{ field: 'to', message }] });
}

/** The recipient as stored and matched: a lower-cased email, or an E.164 phone. 400 naming `to` otherwise. */
export function normalizeRecipient(channel: ChannelType, raw: string): string {
  if (channel === 'email') {
    const email = normalizeEmail(raw);
    if (!email || !isEmail(email)) throw badTo(`to "${raw}" is not an email address`);
    return email;
  }
  const phone = normalizePhone(raw);
  if (!phone) throw badTo(`to "${raw}" is not a phone number we can read; send it in international format, e.g. +34612345678`);
  return phone;
}

/** Why a message to this contact must not be sent, or null. */
export function suppressionOf(channel: ChannelType, to: string, contact: Contact | null): string | null {
  if (!contact) return null;
  if (channel === 'email') {
    if (contact.email === to && contact.email_undeliverable) return 'suppressed: the address is marked undeliverable (hard bounce or complaint)';
    if (contact.unsubscribed_at) return 'suppressed: the contact unsubscribed from all emails';
    return null;
  }
  if (contact.phone === to && contact.phone_undeliverable) return 'suppressed: the phone number is marked undeliverable';
  return null;
}
