import { ConflictException } from '@nestjs/common';
import { violatedUniqueIndex } from '../unique-violation';
import { CONTACT_EMAIL_INDEX, CONTACT_PHONE_INDEX } from './contact.entity';

/**
 * Runs a contact write and turns a duplicate email/phone (the partial unique
 * indexes) into a 409 that says which value is taken. Other errors pass through.
 */
export async function withContactConflicts<R>(identity: { email: string | null; phone: string | null }, write: () => Promise<R>): Promise<R> {
  try {
    return await write();
  } catch (error) {
    const index = violatedUniqueIndex(error);
    if (index === CONTACT_EMAIL_INDEX) throw duplicate('email', identity.email);
    if (index === CONTACT_PHONE_INDEX) throw duplicate('phone', identity.phone);
    throw error;
  }
}

function duplicate(field: 'email' | 'phone', value: string | null): ConflictException {
  const message = `Another contact in this account already has ${field} ${value ?? ''}`.trimEnd();
  return new ConflictException({ message, details: [{ field, message }] });
}
