import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource, DeepPartial, EntityManager } from 'typeorm';
import { EventPublisher } from '@hub/events';
import { identityLockKeys, lockIdentityKeys, normalizeEmail, readIdentity, requirePhone } from '../identity/contact-identity';
import { ContactSourcesService } from '../lookups/contact-sources.service';
import { ContactStatusesService } from '../lookups/contact-statuses.service';
import { CreateContactDto, UpdateContactDto } from './dto/contact-input.dto';
import { Contact } from './contact.entity';
import { blankToNull, changedFields, ContactFields, mergeCustomFields } from './contact-changes';
import { withContactConflicts } from './contact-conflicts';
import { toContactPayload } from './contact-payload';
import { ContactQueries } from './contact-queries.service';

/** What an integration knows about a person (trigger webhook, lead form, inbound message). */
export interface ContactIdentityInput {
  email?: string | null;
  phone?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  custom_fields?: Record<string, unknown>;
}

/** Where a contact came from: an existing contact source, or a name found or created in the account. */
export type ContactSourceRef = { id: string } | { name: string };

function fieldsOf(contact: Contact): ContactFields {
  const { email, phone, first_name, last_name, custom_fields, status_id, source_id, email_undeliverable, phone_undeliverable } = contact;
  return { email, phone, first_name, last_name, custom_fields: custom_fields ?? {}, status_id, source_id, email_undeliverable, phone_undeliverable };
}

/**
 * What upsertByIdentity makes of an existing contact: the email and phone it
 * lacks (the phone only when no other contact has it), names given, custom
 * fields merged, and the source only when it has none yet.
 */
export function identityMerge(
  existing: Contact,
  input: ContactIdentityInput,
  identity: { email: string | null; phone: string | null },
  found: { byEmail: boolean; phoneTaken: boolean; sourceId: string | null },
): { before: ContactFields; after: ContactFields; changed: string[] } {
  const before = fieldsOf(existing);
  const phoneFree = identity.phone !== null && !before.phone && !(found.byEmail && found.phoneTaken);
  const after: ContactFields = {
    ...before,
    email: before.email ?? identity.email,
    phone: phoneFree ? identity.phone : before.phone,
    first_name: blankToNull(input.first_name) ?? before.first_name,
    last_name: blankToNull(input.last_name) ?? before.last_name,
    custom_fields: mergeCustomFields(before.custom_fields, input.custom_fields),
    source_id: before.source_id ?? found.sourceId,
  };
  return { before, after, changed: changedFields(before, after) };
}

function requireIdentity(fields: { email: string | null; phone: string | null }): void {
  if (fields.email || fields.phone) return;
  const message = 'A contact needs an email or a phone';
  throw new BadRequestException({ message, details: [{ field: 'email', message }, { field: 'phone', message }] });
}

/** Every write to contacts; each publishes its contact.* event in the same transaction. */
@Injectable()
export class ContactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly queries: ContactQueries,
    private readonly statuses: ContactStatusesService,
    private readonly sources: ContactSourcesService,
  ) {}

  async create(accountId: string, dto: CreateContactDto): Promise<Contact> {
    const fields: ContactFields = {
      email: normalizeEmail(dto.email),
      phone: requirePhone(dto.phone),
      first_name: blankToNull(dto.first_name),
      last_name: blankToNull(dto.last_name),
      custom_fields: mergeCustomFields({}, dto.custom_fields),
      status_id: dto.status_id ?? null,
      source_id: dto.source_id ?? null,
      email_undeliverable: dto.email_undeliverable ?? false,
      phone_undeliverable: dto.phone_undeliverable ?? false,
    };
    requireIdentity(fields);
    return withContactConflicts(fields, () =>
      this.dataSource.transaction(async (tx) => {
        await this.assertLookups(tx, accountId, fields);
        return this.insert(tx, accountId, fields);
      }),
    );
  }

  /** Applies the fields sent; answers the contact unchanged (and publishes nothing) when nothing differs. */
  async update(accountId: string, id: string, dto: UpdateContactDto): Promise<Contact> {
    const email = dto.email === undefined ? undefined : normalizeEmail(dto.email);
    const phone = dto.phone === undefined ? undefined : requirePhone(dto.phone);
    return withContactConflicts({ email: email ?? null, phone: phone ?? null }, () =>
      this.dataSource.transaction(async (tx) => {
        const current = await this.queries.scope.get(accountId, id, tx, true);
        const before = fieldsOf(current);
        const after: ContactFields = {
          email: email === undefined ? before.email : email,
          phone: phone === undefined ? before.phone : phone,
          first_name: dto.first_name === undefined ? before.first_name : blankToNull(dto.first_name),
          last_name: dto.last_name === undefined ? before.last_name : blankToNull(dto.last_name),
          custom_fields: mergeCustomFields(before.custom_fields, dto.custom_fields),
          status_id: dto.status_id === undefined ? before.status_id : dto.status_id,
          source_id: dto.source_id === undefined ? before.source_id : dto.source_id,
          email_undeliverable: dto.email_undeliverable ?? before.email_undeliverable,
          phone_undeliverable: dto.phone_undeliverable ?? before.phone_undeliverable,
        };
        requireIdentity(after);
        const changed = changedFields(before, after);
        if (changed.length === 0) return current;
        await this.assertLookups(tx, accountId, {
          status_id: changed.includes('status_id') ? after.status_id : null,
          source_id: changed.includes('source_id') ? after.source_id : null,
        });
        return this.save(tx, accountId, id, after, changed, before);
      }),
    );
  }

  async remove(accountId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const removed = await this.queries.scope.remove(accountId, id, tx);
      await this.events.publish(tx, { accountId, type: 'contact.deleted', data: { id: removed.id, email: removed.email, phone: removed.phone } });
    });
  }

  /**
   * Takes, for many people at once, the locks upsertByIdentity takes one by
   * one, in one sorted order: a transaction that upserts several people
   * (a batch of WhatsApp messages) cannot deadlock with another doing the
   * same. An unreadable identity is skipped (upsertByIdentity refuses it).
   */
  async lockIdentities(tx: EntityManager, people: { accountId: string; input: ContactIdentityInput }[]): Promise<void> {
    const keys = people.flatMap(({ accountId, input }) => {
      try {
        const { email, phone } = readIdentity(input);
        return identityLockKeys(accountId, email, phone);
      } catch {
        return [];
      }
    });
    await lockIdentityKeys(tx, keys);
  }

  /**
   * Finds the contact by email, then by phone (both normalised), and creates or
   * updates it inside the caller's transaction, publishing contact.created or
   * contact.updated there. Names sent overwrite; custom fields merge (null
   * removes); email and phone are only filled in when the contact has none, so
   * an identifier is never silently replaced. The source is set only on
   * contacts that have none (first touch).
   * Throws InvalidContactFieldError (400) for an unreadable email or phone, or neither.
   */
  async upsertByIdentity(
    tx: EntityManager,
    accountId: string,
    input: ContactIdentityInput,
    source?: ContactSourceRef,
  ): Promise<{ contact: Contact; created: boolean }> {
    const { email, phone } = readIdentity(input);
    for (const key of identityLockKeys(accountId, email, phone)) await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);

    const scope = this.queries.scope;
    const byEmail = email ? await scope.findOneBy(accountId, { email }, tx) : null;
    const existing = byEmail ?? (phone ? await scope.findOneBy(accountId, { phone }, tx) : null);
    const sourceId = source ? await this.resolveSource(tx, accountId, source) : null;

    if (!existing) {
      const contact = await this.insert(tx, accountId, {
        email,
        phone,
        first_name: blankToNull(input.first_name),
        last_name: blankToNull(input.last_name),
        custom_fields: mergeCustomFields({}, input.custom_fields),
        status_id: null,
        source_id: sourceId,
        email_undeliverable: false,
        phone_undeliverable: false,
      });
      return { contact, created: true };
    }

    // Matched by email: the phone may belong to another contact, and then it stays where it is.
    const phoneTaken = phone !== null && !existing.phone && byEmail !== null && (await scope.findOneBy(accountId, { phone }, tx)) !== null;
    const { before, after, changed } = identityMerge(existing, input, { email, phone }, { byEmail: byEmail !== null, phoneTaken, sourceId });
    if (changed.length === 0) return { contact: existing, created: false };
    return { contact: await this.save(tx, accountId, existing.id, after, changed, before), created: false };
  }

  /** Records an unsubscribe from everything (the "all groups" unsubscribe link). Group events tell subscribers. */
  async markUnsubscribedFromAll(tx: EntityManager, accountId: string, contactId: string): Promise<Contact> {
    const contact = await this.queries.scope.get(accountId, contactId, tx, true);
    if (contact.unsubscribed_at) return contact;
    return this.queries.scope.update(accountId, contactId, { unsubscribed_at: new Date() }, tx);
  }

  private async insert(tx: EntityManager, accountId: string, fields: ContactFields): Promise<Contact> {
    const contact = await this.queries.scope.create(accountId, { ...fields, unsubscribed_at: null } as DeepPartial<Contact>, tx);
    await this.events.publish(tx, { accountId, type: 'contact.created', data: { ...toContactPayload(contact) } });
    return contact;
  }

  /** `previous`: the changed fields' values before (contact.updated carries them, so receivers can diff). */
  private async save(tx: EntityManager, accountId: string, id: string, fields: ContactFields, changed: string[], before: ContactFields): Promise<Contact> {
    const contact = await this.queries.scope.update(accountId, id, fields as DeepPartial<Contact>, tx);
    const previous = Object.fromEntries(
      changed.map((field) => [field, field.startsWith('custom_fields.') ? (before.custom_fields?.[field.slice('custom_fields.'.length)] ?? null) : (before[field as keyof ContactFields] ?? null)]),
    );
    await this.events.publish(tx, { accountId, type: 'contact.updated', data: { ...toContactPayload(contact), changed, previous } });
    return contact;
  }

  /** 404 when a status or source id is not one of the account's (never link another account's value). */
  private async assertLookups(tx: EntityManager, accountId: string, ids: { status_id: string | null; source_id: string | null }): Promise<void> {
    if (ids.status_id) await this.statuses.assertExists(tx, accountId, ids.status_id);
    if (ids.source_id) await this.sources.assertExists(tx, accountId, ids.source_id);
  }

  /** The id of a source given by id (404 when not the account's) or by name (found, or created). */
  async resolveSource(tx: EntityManager, accountId: string, source: ContactSourceRef): Promise<string> {
    if ('id' in source) {
      await this.sources.assertExists(tx, accountId, source.id);
      return source.id;
    }
    return (await this.sources.findOrCreateByName(tx, accountId, source.name)).id;
  }
}
