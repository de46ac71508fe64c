import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventPublisher } from '@hub/events';
import { identityLockKeys, lockIdentityKeys, readIdentity } from '../identity/contact-identity';
import { blankToNull, mergeCustomFields } from './contact-changes';
import { Contact } from './contact.entity';
import { toContactPayload } from './contact-payload';
import { ContactIdentityInput, ContactSourceRef, ContactsService, identityMerge } from './contacts.service';

/** One person to upsert, in the account it belongs to, and the source a new contact gets. */
export interface AccountContactInput {
  accountId: string;
  input: ContactIdentityInput;
  source?: ContactSourceRef;
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
 * deadlock on each other), one query reads the contacts that have them, and
 * the people that are new — no contact has their email or phone yet and no
 * earlier input of the batch shares one — are inserted by one statement. An
 * existing contact that the input would not change (a regular writing again,
 * the commonest case on the messaging routes) is answered from that read,
 * with no statement of its own. Every other input (a contact to update, a
 * repeat of a person the batch created or changed) goes through
 * upsertByIdentity, in input order, after them.
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
    const existing = await this.existingContacts(tx, people);
    const results: ({ contact: Contact; created: boolean } | undefined)[] = new Array(people.length);
    // Identities of contacts this batch inserts or may change: a later input sharing one must read the contact again.
    const touched = new Set<string>();
    const fresh: number[] = [];
    people.forEach((person, index) => {
      const repeat = person.keys.some((key) => touched.has(key));
      if (!repeat && person.keys.every((key) => !existing.has(key))) fresh.push(index);
      else if (!repeat) {
        const unchanged = this.unchanged(person, existing);
        if (unchanged) results[index] = { contact: unchanged, created: false };
      }
      if (results[index]) return;
      for (const key of person.keys) {
        touched.add(key);
        // The contact it may change is touched by all its identities, not only the ones this input names.
        const contact = existing.get(key);
        if (contact) identityLockKeys(contact.account_id, contact.email, contact.phone).forEach((other) => touched.add(other));
      }
    });

    const inserted = await this.insertAll(tx, fresh.map((index) => people[index]));
    fresh.forEach((index, n) => (results[index] = { contact: inserted[n], created: true }));
    for (const [index, person] of people.entries()) {
      if (results[index]) continue;
      results[index] = await this.contacts.upsertByIdentity(tx, person.accountId, person.input, person.source);
    }
    return results as { contact: Contact; created: boolean }[];
  }

  /**
   * The existing contact this input would leave as it is, or null when
   * upsertByIdentity has to run (it would change it, or give it the source
   * the contact does not have yet). Same matching as upsertByIdentity: by
   * email first, then by phone.
   */
  private unchanged(person: Normalised, existing: Map<string, Contact>): Contact | null {
    const [emailKey, phoneKey] = [person.email && identityLockKeys(person.accountId, person.email, null)[0], person.phone && identityLockKeys(person.accountId, null, person.phone)[0]];
    const byEmail = (emailKey && existing.get(emailKey)) || null;
    const contact = byEmail ?? ((phoneKey && existing.get(phoneKey)) || null);
    if (!contact || (person.source && !contact.source_id)) return null;
    const phoneTaken = phoneKey ? existing.has(phoneKey) : false;
    const merge = identityMerge(contact, person.input, { email: person.email, phone: person.phone }, { byEmail: byEmail !== null, phoneTaken, sourceId: null });
    return merge.changed.length === 0 ? contact : null;
  }

  private normalise(item: AccountContactInput): Normalised {
    const { email, phone } = readIdentity(item.input);
    return { ...item, email, phone, keys: identityLockKeys(item.accountId, email, phone) };
  }

  /** The advisory locks upsertByIdentity takes one by one (same keys; taking one twice in a transaction is a no-op). */
  private async lockAll(tx: EntityManager, people: Normalised[]): Promise<void> {
    await lockIdentityKeys(tx, people.flatMap((person) => person.keys));
  }

  /** The contacts that already have an identity of the batch, by each of their lock keys. */
  private async existingContacts(tx: EntityManager, people: Normalised[]): Promise<Map<string, Contact>> {
    const rows = (await tx.query(
      // Two index lookups per person (one per unique index) rather than one OR the planner may not split.
      `WITH i AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(account_id uuid, email text, phone text))
       SELECT c.* FROM contacts c JOIN i ON c.account_id = i.account_id AND c.email = i.email
       UNION
       SELECT c.* FROM contacts c JOIN i ON c.account_id = i.account_id AND c.phone = i.phone`,
      [JSON.stringify(people.map(({ accountId, email, phone }) => ({ account_id: accountId, email, phone })))],
    )) as Record<string, unknown>[];
    const byKey = new Map<string, Contact>();
    for (const row of rows) {
      const contact = Object.assign(new Contact(), row);
      for (const key of identityLockKeys(contact.account_id, contact.email, contact.phone)) byKey.set(key, contact);
    }
    return byKey;
  }

  /** One INSERT for the new people (their identities are distinct), each with its contact.created event. */
  private async insertAll(tx: EntityManager, people: Normalised[]): Promise<Contact[]> {
    if (people.length === 0) return [];
    // Each source once per account (found or created), not once per person.
    const sources = new Map<string, string>();
    for (const { accountId, source } of people) {
      const key = source && `${accountId}/${JSON.stringify(source)}`;
      if (source && key && !sources.has(key)) sources.set(key, await this.contacts.resolveSource(tx, accountId, source));
    }
    const rows = (await tx.query(
      `INSERT INTO contacts (account_id, email, phone, first_name, last_name, custom_fields, source_id)
       SELECT account_id, email, phone, first_name, last_name, custom_fields, source_id
         FROM jsonb_to_recordset($1::jsonb) AS i(account_id uuid, email text, phone text, first_name text, last_name text, custom_fields jsonb, source_id uuid)
       RETURNING *`,
      [
        JSON.stringify(
          people.map(({ accountId, email, phone, input, source }) => ({
            account_id: accountId,
            email,
            phone,
            first_name: blankToNull(input.first_name),
            last_name: blankToNull(input.last_name),
            custom_fields: mergeCustomFields({}, input.custom_fields),
            source_id: source ? (sources.get(`${accountId}/${JSON.stringify(source)}`) ?? null) : null,
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
