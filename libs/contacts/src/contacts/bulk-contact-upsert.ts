import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventPublisher } from '@hub/events';
import { identityLockKeys, lockIdentityKeys, readIdentity } from '../identity/contact-identity';
import { blankToNull, mergeCustomFields } from './contact-changes';
import { Contact } from './contact.entity';
import { toContactPayload } from './contact-payload';
import { ContactIdentityInput, ContactsService } from './contacts.service';

/** One person to upsert, in the account it belongs to. */
export interface AccountContactInput {
  accountId: string;
  input: ContactIdentityInput;
}

interface Normalised extends AccountContactInput {
  email: string | null;
  phone: string | null;
  keys: string[];
}

/**
 * ContactsService.upsertByIdentity for many people in one transaction, with
 * the same rules and results, in far fewer statements: every identity of the
 * batch is locked by one statement (in one sorted order, so two batches never
 * deadlock on each other), one query finds which identities exist, and the
 * people that are new — no contact has their email or phone yet and no earlier
 * input of the batch shares one — are inserted by one statement. Every other
 * input (an existing contact to update, a repeat within the batch) goes
 * through upsertByIdentity, in input order, after them.
 * Throws InvalidContactFieldError for the first unreadable input (nothing written).
 */
@Injectable()
export class BulkContactUpsert {
  constructor(
    private readonly contacts: ContactsService,
    private readonly events: EventPublisher,
  ) {}

  async upsertMany(tx: EntityManager, inputs: AccountContactInput[]): Promise<{ contact: Contact; created: boolean }[]> {
    const people = inputs.map((item) => this.normalise(item));
    await this.lockAll(tx, people);
    const taken = await this.existingKeys(tx, people);
    const seen = new Set<string>();
    const fresh: number[] = [];
    people.forEach((person, index) => {
      if (person.keys.every((key) => !taken.has(key) && !seen.has(key))) fresh.push(index);
      person.keys.forEach((key) => seen.add(key));
    });

    const results: ({ contact: Contact; created: boolean } | undefined)[] = new Array(people.length);
    const inserted = await this.insertAll(tx, fresh.map((index) => people[index]));
    fresh.forEach((index, n) => (results[index] = { contact: inserted[n], created: true }));
    for (const [index, person] of people.entries()) {
      if (results[index]) continue;
      results[index] = await this.contacts.upsertByIdentity(tx, person.accountId, person.input);
    }
    return results as { contact: Contact; created: boolean }[];
  }

  private normalise(item: AccountContactInput): Normalised {
    const { email, phone } = readIdentity(item.input);
    return { ...item, email, phone, keys: identityLockKeys(item.accountId, email, phone) };
  }

  /** The advisory locks upsertByIdentity takes one by one (same keys; taking one twice in a transaction is a no-op). */
  private async lockAll(tx: EntityManager, people: Normalised[]): Promise<void> {
    await lockIdentityKeys(tx, people.flatMap((person) => person.keys));
  }

  /** The lock keys of the batch that already name a contact. */
  private async existingKeys(tx: EntityManager, people: Normalised[]): Promise<Set<string>> {
    const rows = (await tx.query(
      // Two index lookups per person (one per unique index) rather than one OR the planner may not split.
      `WITH i AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(account_id uuid, email text, phone text))
       SELECT c.account_id, c.email, c.phone FROM contacts c JOIN i ON c.account_id = i.account_id AND c.email = i.email
       UNION
       SELECT c.account_id, c.email, c.phone FROM contacts c JOIN i ON c.account_id = i.account_id AND c.phone = i.phone`,
      [JSON.stringify(people.map(({ accountId, email, phone }) => ({ account_id: accountId, email, phone })))],
    )) as { account_id: string; email: string | null; phone: string | null }[];
    return new Set(rows.flatMap((row) => identityLockKeys(row.account_id, row.email, row.phone)));
  }

  /** One INSERT for the new people (their identities are distinct), each with its contact.created event. */
  private async insertAll(tx: EntityManager, people: Normalised[]): Promise<Contact[]> {
    if (people.length === 0) return [];
    const rows = (await tx.query(
      `INSERT INTO contacts (account_id, email, phone, first_name, last_name, custom_fields)
       SELECT account_id, email, phone, first_name, last_name, custom_fields
         FROM jsonb_to_recordset($1::jsonb) AS i(account_id uuid, email text, phone text, first_name text, last_name text, custom_fields jsonb)
       RETURNING *`,
      [
        JSON.stringify(
          people.map(({ accountId, email, phone, input }) => ({
            account_id: accountId,
            email,
            phone,
            first_name: blankToNull(input.first_name),
            last_name: blankToNull(input.last_name),
            custom_fields: mergeCustomFields({}, input.custom_fields),
          })),
        ),
      ],
    )) as Record<string, unknown>[];
    // RETURNING's order is not promised: each row is matched back by its identity, unique in this batch.
    const byKey = new Map<string, Contact>();
    for (const row of rows) {
      const contact = Object.assign(new Contact(), row);
      byKey.set(contact.email ? `email:${contact.account_id}:${contact.email}` : `phone:${contact.account_id}:${contact.phone}`, contact);
    }
    const contacts: Contact[] = [];
    for (const person of people) {
      const contact = byKey.get(person.email ? `email:${person.accountId}:${person.email}` : `phone:${person.accountId}:${person.phone}`) as Contact;
      await this.events.publish(tx, { accountId: person.accountId, type: 'contact.created', data: { ...toContactPayload(contact) } });
      contacts.push(contact);
    }
    return contacts;
  }
}
