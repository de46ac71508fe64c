import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { DataSource } from 'typeorm';
import { AccountContactInput, BulkContactUpsert, ContactsService } from '@hub/contacts';
import { findEventType } from '@hub/events';
import { Account, Hub, startHub } from './harness';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

/** Stored event data must match the catalog: its schema, and exactly its fields. */
function expectCatalogShape(type: string, data: Record<string, unknown>): void {
  const schema = findEventType(type)!.schema as { properties: Record<string, unknown> };
  const validate = ajv.compile(schema);
  expect({ type, valid: validate(data), errors: validate.errors ?? null }).toEqual({ type, valid: true, errors: null });
  expect(Object.keys(data).sort()).toEqual(Object.keys(schema.properties).sort());
}

/** Contacts, contact statuses and contact sources (SPEC §2 tenancy, §3 contact.* / contact_status.* / contact_source.* events). */
describe('contacts', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    // Every contact / lookup event any test stored has the catalog's shape.
    const events = await hub.sql<{ type: string; data: Record<string, unknown> }>(
      "SELECT type, data FROM events WHERE type LIKE 'contact%' ORDER BY id",
    );
    try {
      expect(events.length).toBeGreaterThan(10);
      for (const event of events) expectCatalogShape(event.type, event.data);
    } finally {
      await hub.close();
    }
  });

  interface StoredEvent {
    id: string;
    type: string;
    channel: string | null;
    channel_id: string | null;
    data: Record<string, any>;
  }

  const eventsOf = (account: Account, type: string): Promise<StoredEvent[]> =>
    hub.sql('SELECT id, type, channel, channel_id, data FROM events WHERE account_id = $1 AND type = $2 ORDER BY id', [account.accountId, type]);

  const countEvents = async (account: Account): Promise<number> =>
    Number((await hub.sql('SELECT count(*) AS n FROM events WHERE account_id = $1', [account.accountId]))[0].n);

  const createContact = async (account: Account, body: Record<string, unknown>) => {
    const res = await hub.request('POST', '/api/contacts', { token: account.token, body });
    if (res.status !== 201) throw new Error(`create contact failed: ${res.status} ${res.text}`);
    return res.body;
  };

  it('creates a contact with a lower-cased email and an E.164 phone, and stores contact.created with it', async () => {
    const a = await hub.signup();
    const res = await hub.request('POST', '/api/contacts', {
      token: a.token,
      body: {
        email: '  Maria.Gonzalez@Example.COM ',
        phone: '+34 612 34 56 78',
        first_name: 'María',
        last_name: 'González',
        custom_fields: { company: 'Acme Iberia', plan: 'pro' },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      email: 'maria.gonzalez@example.com',
      phone: '+34612345678',
      first_name: 'María',
      last_name: 'González',
      custom_fields: { company: 'Acme Iberia', plan: 'pro' },
      status_id: null,
      source_id: null,
      email_undeliverable: false,
      phone_undeliverable: false,
      unsubscribed_at: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(res.body).not.toHaveProperty('account_id');

    const [row] = await hub.sql('SELECT account_id, email, phone FROM contacts WHERE id = $1', [res.body.id]);
    expect(row).toEqual({ account_id: a.accountId, email: 'maria.gonzalez@example.com', phone: '+34612345678' });

    const events = await eventsOf(a, 'contact.created');
    expect(events).toHaveLength(1);
    expect(events[0].id).toMatch(/^evt_/);
    expect(events[0].channel).toBeNull();
    const { unsubscribed_at: _omitted, ...payload } = res.body;
    expect(events[0].data).toEqual(payload);
  });

  it('refuses an unreadable or too-short phone with 400 naming phone and stores nothing', async () => {
    const a = await hub.signup();
    const bad = await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'x@example.com', phone: 'call me maybe' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'phone' })]);
    const short = await hub.request('POST', '/api/contacts', { token: a.token, body: { phone: '+1 555 12' } });
    expect(short.status).toBe(400);
    expect(short.body.details).toEqual([expect.objectContaining({ field: 'phone' })]);
    expect(await hub.sql('SELECT 1 FROM contacts WHERE account_id = $1', [a.accountId])).toHaveLength(0);
    expect(await countEvents(a)).toBe(0);
  });

  it('requires an email or a phone, rejects unknown fields and account_id by name', async () => {
    const a = await hub.signup();
    const b = await hub.signup();
    const none = await hub.request('POST', '/api/contacts', { token: a.token, body: { first_name: 'Ann' } });
    expect(none.status).toBe(400);
    expect(none.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'email' }), expect.objectContaining({ field: 'phone' })]));

    const unknown = await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'ann@example.com', nickname: 'Annie' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ field: 'nickname', message: 'property nickname should not exist' }]);

    const foreign = await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'ann@example.com', account_id: b.accountId } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details).toEqual([{ field: 'account_id', message: 'property account_id should not exist' }]);

    const badEmail = await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'not-an-email' } });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.details).toEqual([expect.objectContaining({ field: 'email' })]);

    expect(await hub.sql('SELECT 1 FROM contacts WHERE account_id = ANY($1)', [[a.accountId, b.accountId]])).toHaveLength(0);
    expect(await countEvents(a)).toBe(0);
  });

  it('answers 409 for a duplicate email or phone in the account (case-insensitive) and stores no event for it', async () => {
    const a = await hub.signup();
    const b = await hub.signup();
    const first = await createContact(a, { email: 'dup@example.com', phone: '+14155552671' });
    const eventsBefore = await countEvents(a);

    const sameEmail = await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'DUP@example.com' } });
    expect(sameEmail.status).toBe(409);
    expect(sameEmail.body.message).toContain('email dup@example.com');
    expect(sameEmail.body.details).toEqual([expect.objectContaining({ field: 'email' })]);

    const samePhone = await hub.request('POST', '/api/contacts', { token: a.token, body: { phone: '+1 (415) 555-2671' } });
    expect(samePhone.status).toBe(409);
    expect(samePhone.body.details).toEqual([expect.objectContaining({ field: 'phone' })]);

    const other = await createContact(a, { email: 'other@example.com' });
    const patch = await hub.request('PATCH', `/api/contacts/${other.id}`, { token: a.token, body: { email: 'dup@example.com' } });
    expect(patch.status).toBe(409);

    // The failed writes rolled back with their events: only other@'s contact.created was added.
    expect(await countEvents(a)).toBe(eventsBefore + 1);
    expect((await eventsOf(a, 'contact.updated')).length).toBe(0);

    // Another account may hold the same email.
    const elsewhere = await hub.request('POST', '/api/contacts', { token: b.token, body: { email: 'dup@example.com' } });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.id).not.toBe(first.id);
  });

  it('reads, lists (search, filters, cursor pages) and works with an API key too', async () => {
    const a = await hub.signup();
    const status = (await hub.request('POST', '/api/contact-statuses', { token: a.token, body: { name: 'Qualified' } })).body;
    const ann = await createContact(a, { email: 'ann@example.com', first_name: 'Ann', last_name: 'Lee', status_id: status.id });
    const bob = await createContact(a, { phone: '+34612345670', first_name: 'Bob', last_name: 'Ruiz' });
    const cat = await createContact(a, { email: 'cat_100%@example.com', first_name: 'Cat' });

    const one = await hub.request('GET', `/api/contacts/${ann.id}`, { token: a.token });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(ann);

    const all = await hub.request('GET', '/api/contacts', { token: a.token });
    expect(all.status).toBe(200);
    expect(all.body.items.map((c: { id: string }) => c.id)).toEqual([cat.id, bob.id, ann.id]);
    expect(all.body.next_cursor).toBeNull();
    expect(all.body.items[0]).not.toHaveProperty('account_id');

    const byName = await hub.request('GET', '/api/contacts?search=ruIZ', { token: a.token });
    expect(byName.body.items.map((c: { id: string }) => c.id)).toEqual([bob.id]);
    const byFullName = await hub.request('GET', `/api/contacts?search=${encodeURIComponent('bob ruiz')}`, { token: a.token });
    expect(byFullName.body.items.map((c: { id: string }) => c.id)).toEqual([bob.id]);
    const byFirstName = await hub.request('GET', '/api/contacts?search=Cat', { token: a.token });
    expect(byFirstName.body.items.map((c: { id: string }) => c.id)).toEqual([cat.id]);
    const acrossTwoPeople = await hub.request('GET', `/api/contacts?search=${encodeURIComponent('Ann Ruiz')}`, { token: a.token });
    expect(acrossTwoPeople.body.items).toEqual([]);
    const byPhone = await hub.request('GET', '/api/contacts?search=612345670', { token: a.token });
    expect(byPhone.body.items.map((c: { id: string }) => c.id)).toEqual([bob.id]);
    const literal = await hub.request('GET', `/api/contacts?search=${encodeURIComponent('_100%')}`, { token: a.token });
    expect(literal.body.items.map((c: { id: string }) => c.id)).toEqual([cat.id]);
    const wildcardOnly = await hub.request('GET', `/api/contacts?search=${encodeURIComponent('%')}`, { token: a.token });
    expect(wildcardOnly.body.items.map((c: { id: string }) => c.id)).toEqual([cat.id]);
    const byStatus = await hub.request('GET', `/api/contacts?status_id=${status.id}`, { token: a.token });
    expect(byStatus.body.items.map((c: { id: string }) => c.id)).toEqual([ann.id]);

    const page1 = await hub.request('GET', '/api/contacts?limit=2', { token: a.token });
    expect(page1.body.items.map((c: { id: string }) => c.id)).toEqual([cat.id, bob.id]);
    expect(page1.body.next_cursor).toEqual(expect.any(String));
    const page2 = await hub.request('GET', `/api/contacts?limit=2&cursor=${page1.body.next_cursor}`, { token: a.token });
    expect(page2.body.items.map((c: { id: string }) => c.id)).toEqual([ann.id]);
    expect(page2.body.next_cursor).toBeNull();

    const badQuery = await hub.request('GET', '/api/contacts?status_id=nope&colour=red', { token: a.token });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['colour', 'status_id']);

    const key = (await hub.request('POST', '/api/api-keys', { token: a.token, body: { name: 'CRM sync' } })).body.key;
    const viaKey = await hub.request('POST', '/api/contacts', { token: key, body: { email: 'dan@example.com' } });
    expect(viaKey.status).toBe(201);
    const listViaKey = await hub.request('GET', '/api/contacts?search=dan@', { token: key });
    expect(listViaKey.body.items.map((c: { id: string }) => c.id)).toEqual([viaKey.body.id]);
  });

  it('patches only what is sent, merges custom fields (null removes a key) and names the changed fields', async () => {
    const a = await hub.signup();
    const contact = await createContact(a, { email: 'eve@example.com', last_name: 'Stone', custom_fields: { company: 'Acme', plan: 'pro' } });

    const res = await hub.request('PATCH', `/api/contacts/${contact.id}`, {
      token: a.token,
      body: { last_name: 'Stone-Ruiz', phone: '0034 612 345 671', custom_fields: { plan: 'enterprise', company: null, city: 'Madrid' } },
    });
    expect(res.status).toBe(400); // 0034… is not international format without a country
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'phone' })]);

    const ok = await hub.request('PATCH', `/api/contacts/${contact.id}`, {
      token: a.token,
      body: { last_name: 'Stone-Ruiz', phone: '+34 612 345 671', custom_fields: { plan: 'enterprise', company: null, city: 'Madrid' } },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      email: 'eve@example.com',
      phone: '+34612345671',
      first_name: null,
      last_name: 'Stone-Ruiz',
      custom_fields: { plan: 'enterprise', city: 'Madrid' },
    });
    expect(ok.body.custom_fields).not.toHaveProperty('company');

    const updated = await eventsOf(a, 'contact.updated');
    expect(updated).toHaveLength(1);
    expect(updated[0].data.changed).toEqual(['phone', 'last_name', 'custom_fields.city', 'custom_fields.company', 'custom_fields.plan']);
    expect(updated[0].data).toMatchObject({ id: contact.id, last_name: 'Stone-Ruiz', custom_fields: { plan: 'enterprise', city: 'Madrid' } });
    expect(updated[0].data.updated_at).toBe(ok.body.updated_at);

    // The same values again: 200, nothing changed, no event.
    const same = await hub.request('PATCH', `/api/contacts/${contact.id}`, {
      token: a.token,
      body: { last_name: 'Stone-Ruiz', custom_fields: { plan: 'enterprise' } },
    });
    expect(same.status).toBe(200);
    expect(await eventsOf(a, 'contact.updated')).toHaveLength(1);

    // Clearing the only remaining identifier is refused.
    await hub.request('PATCH', `/api/contacts/${contact.id}`, { token: a.token, body: { phone: null } });
    const noIdentity = await hub.request('PATCH', `/api/contacts/${contact.id}`, { token: a.token, body: { email: null } });
    expect(noIdentity.status).toBe(400);
    const forbidden = await hub.request('PATCH', `/api/contacts/${contact.id}`, { token: a.token, body: { account_id: a.accountId } });
    expect(forbidden.status).toBe(400);
    expect(forbidden.body.details).toEqual([{ field: 'account_id', message: 'property account_id should not exist' }]);
  });

  it('deletes a contact and stores contact.deleted with its identifiers', async () => {
    const a = await hub.signup();
    const contact = await createContact(a, { email: 'gone@example.com', phone: '+34612345672' });
    const del = await hub.request('DELETE', `/api/contacts/${contact.id}`, { token: a.token });
    expect(del.status).toBe(204);
    expect((await hub.request('GET', `/api/contacts/${contact.id}`, { token: a.token })).status).toBe(404);
    expect((await hub.request('DELETE', `/api/contacts/${contact.id}`, { token: a.token })).status).toBe(404);
    const deleted = await eventsOf(a, 'contact.deleted');
    expect(deleted.map((e) => e.data)).toEqual([{ id: contact.id, email: 'gone@example.com', phone: '+34612345672' }]);
  });

  it('keeps every account to its own contacts, statuses and sources (404 on every by-id route, absent from lists)', async () => {
    const a = await hub.signup();
    const b = await hub.signup();
    const contact = await createContact(a, { email: 'private@example.com' });
    const status = (await hub.request('POST', '/api/contact-statuses', { token: a.token, body: { name: 'Won' } })).body;
    const source = (await hub.request('POST', '/api/contact-sources', { token: a.token, body: { name: 'Webinar' } })).body;
    const eventsOfA = await countEvents(a);

    for (const [path, body] of [
      [`/api/contacts/${contact.id}`, { first_name: 'Mallory' }],
      [`/api/contact-statuses/${status.id}`, { name: 'Mine' }],
      [`/api/contact-sources/${source.id}`, { name: 'Mine' }],
    ] as const) {
      expect((await hub.request('GET', path, { token: b.token })).status).toBe(404);
      const patch = await hub.request('PATCH', path, { token: b.token, body });
      expect(patch.status).toBe(404);
      expect(JSON.stringify(patch.body)).not.toContain('private@example.com');
      expect((await hub.request('DELETE', path, { token: b.token })).status).toBe(404);
    }
    expect((await hub.request('GET', '/api/contacts', { token: b.token })).body.items).toEqual([]);
    expect((await hub.request('GET', '/api/contact-statuses', { token: b.token })).body).toEqual([]);
    expect((await hub.request('GET', '/api/contact-sources', { token: b.token })).body).toEqual([]);

    // B cannot point its contacts at A's status or source either.
    const linked = await hub.request('POST', '/api/contacts', { token: b.token, body: { email: 'b@example.com', status_id: status.id } });
    expect(linked.status).toBe(404);
    const linkedSource = await hub.request('POST', '/api/contacts', { token: b.token, body: { email: 'b@example.com', source_id: source.id } });
    expect(linkedSource.status).toBe(404);
    expect(await countEvents(b)).toBe(0);

    // A's rows and events are untouched.
    expect((await hub.request('GET', `/api/contacts/${contact.id}`, { token: a.token })).body.first_name).toBeNull();
    expect((await hub.request('GET', `/api/contact-statuses/${status.id}`, { token: a.token })).body.name).toBe('Won');
    expect(await countEvents(a)).toBe(eventsOfA);
  });

  describe.each([
    ['/api/contact-statuses', 'contact_status'],
    ['/api/contact-sources', 'contact_source'],
  ])('%s', (path, kind) => {
    it(`creates, renames and deletes with ${kind}.* events; names are unique per account`, async () => {
      const a = await hub.signup();
      const created = await hub.request('POST', path, { token: a.token, body: { name: '  Qualified ' } });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String), name: 'Qualified', created_at: expect.any(String), updated_at: expect.any(String) });
      const id: string = created.body.id;

      const dup = await hub.request('POST', path, { token: a.token, body: { name: 'Qualified' } });
      expect(dup.status).toBe(409);
      expect(dup.body.message).toContain('"Qualified" already exists');

      const unknown = await hub.request('POST', path, { token: a.token, body: { name: 'X', color: 'red' } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details).toEqual([{ field: 'color', message: 'property color should not exist' }]);

      const renamed = await hub.request('PATCH', `${path}/${id}`, { token: a.token, body: { name: 'Hot lead' } });
      expect(renamed.status).toBe(200);
      expect(renamed.body.name).toBe('Hot lead');
      await hub.request('PATCH', `${path}/${id}`, { token: a.token, body: { name: 'Hot lead' } }); // unchanged: no event

      const other = await hub.request('POST', path, { token: a.token, body: { name: 'Cold' } });
      expect((await hub.request('GET', path, { token: a.token })).body.map((l: { name: string }) => l.name)).toEqual(['Cold', 'Hot lead']);
      expect((await hub.request('GET', `${path}/${id}`, { token: a.token })).body).toEqual(renamed.body);

      const field = kind === 'contact_status' ? 'status_id' : 'source_id';
      const contact = await createContact(a, { email: `${kind}@example.com`, [field]: id });
      expect(contact[field]).toBe(id);

      expect((await hub.request('DELETE', `${path}/${id}`, { token: a.token })).status).toBe(204);
      expect((await hub.request('GET', `${path}/${id}`, { token: a.token })).status).toBe(404);
      // Its contacts stay, without it.
      expect((await hub.request('GET', `/api/contacts/${contact.id}`, { token: a.token })).body[field]).toBeNull();

      expect((await eventsOf(a, `${kind}.created`)).map((e) => e.data)).toEqual([created.body, other.body]);
      // The update names what the value was before (payload formats build the record's `original` from it).
      expect((await eventsOf(a, `${kind}.updated`)).map((e) => e.data)).toEqual([{ ...renamed.body, previous: { name: 'Qualified' } }]);
      expect((await eventsOf(a, `${kind}.deleted`)).map((e) => e.data)).toEqual([{ id, name: 'Hot lead' }]);
    });
  });

  it('sets and validates status_id and source_id on a contact (404 for an unknown id, 400 for a malformed one)', async () => {
    const a = await hub.signup();
    const status = (await hub.request('POST', '/api/contact-statuses', { token: a.token, body: { name: 'New' } })).body;
    const contact = await createContact(a, { email: 'sid@example.com' });
    const set = await hub.request('PATCH', `/api/contacts/${contact.id}`, { token: a.token, body: { status_id: status.id } });
    expect(set.status).toBe(200);
    expect(set.body.status_id).toBe(status.id);
    const [updated] = await eventsOf(a, 'contact.updated');
    expect(updated.data.changed).toEqual(['status_id']);

    const missing = await hub.request('PATCH', `/api/contacts/${contact.id}`, {
      token: a.token,
      body: { status_id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(missing.status).toBe(404);
    const malformed = await hub.request('PATCH', `/api/contacts/${contact.id}`, { token: a.token, body: { source_id: 'web' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([expect.objectContaining({ field: 'source_id' })]);
    expect(await eventsOf(a, 'contact.updated')).toHaveLength(1);
  });

  describe('ContactsService.upsertByIdentity (used by triggers, lead forms and group sign-ups)', () => {
    const upsert = (account: Account, input: Parameters<ContactsService['upsertByIdentity']>[2], source?: Parameters<ContactsService['upsertByIdentity']>[3]) =>
      hub.app.get(DataSource).transaction((tx) => hub.app.get(ContactsService).upsertByIdentity(tx, account.accountId, input, source));

    it('creates, then matches by email before phone, fills missing identifiers and merges custom fields', async () => {
      const a = await hub.signup();
      const first = await upsert(a, { email: 'Lead@Example.com', first_name: 'Lia', custom_fields: { utm: 'fb', plan: 'free' } }, { name: 'Facebook Lead Ads' });
      expect(first.created).toBe(true);
      expect(first.contact.email).toBe('lead@example.com');
      const [source] = await hub.sql('SELECT id FROM contact_sources WHERE account_id = $1 AND name = $2', [a.accountId, 'Facebook Lead Ads']);
      expect(first.contact.source_id).toBe(source.id);
      expect((await eventsOf(a, 'contact_source.created')).map((e) => e.data.name)).toEqual(['Facebook Lead Ads']);

      const byEmail = await upsert(a, { email: 'LEAD@example.com', phone: '+34 612 345 673', last_name: 'Ng', custom_fields: { plan: 'pro', utm: null } });
      expect(byEmail.created).toBe(false);
      expect(byEmail.contact.id).toBe(first.contact.id);
      expect(byEmail.contact).toMatchObject({ phone: '+34612345673', first_name: 'Lia', last_name: 'Ng', custom_fields: { plan: 'pro' } });

      const byPhone = await upsert(a, { phone: '+34612345673', email: null }, { name: 'Facebook Lead Ads' });
      expect(byPhone.contact.id).toBe(first.contact.id);
      expect(byPhone.created).toBe(false);

      // An unknown email with a known phone is the phone's contact (its email is kept, not replaced).
      const samePhone = await upsert(a, { email: 'new-address@example.com', phone: '+34612345673' });
      expect(samePhone).toMatchObject({ created: false, contact: { id: first.contact.id, email: 'lead@example.com' } });

      // Email wins over phone; a phone held by another contact stays with it.
      const other = await upsert(a, { email: 'other@example.com' });
      expect(other.created).toBe(true);
      const both = await upsert(a, { email: 'other@example.com', phone: '+34612345673' });
      expect(both.contact.id).toBe(other.contact.id);
      expect(both.contact.phone).toBeNull();

      const updated = await eventsOf(a, 'contact.updated');
      expect(updated.map((e) => e.data.changed)).toEqual([['phone', 'last_name', 'custom_fields.plan', 'custom_fields.utm']]);
      expect((await eventsOf(a, 'contact.created')).map((e) => e.data.id)).toEqual([first.contact.id, other.contact.id]);
      expect(await eventsOf(a, 'contact_source.created')).toHaveLength(1);
    });

    it('refuses an unreadable phone or no identifier, and an unknown source id is 404', async () => {
      const a = await hub.signup();
      await expect(upsert(a, { phone: 'n/a' })).rejects.toMatchObject({ field: 'phone', status: 400 });
      await expect(upsert(a, { first_name: 'Nobody' })).rejects.toMatchObject({ status: 400 });
      await expect(upsert(a, { email: 'x@example.com' }, { id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ status: 404 });
      expect(await countEvents(a)).toBe(0);
      expect(await hub.sql('SELECT 1 FROM contacts WHERE account_id = $1', [a.accountId])).toHaveLength(0);
    });
  });
  describe('BulkContactUpsert.upsertMany (the trigger worker’s batches)', () => {
    type Input = AccountContactInput['input'];
    const bulk = (account: Account, inputs: Input[]) =>
      hub.app.get(DataSource).transaction((tx) => hub.app.get(BulkContactUpsert).upsertMany(tx, inputs.map((input) => ({ accountId: account.accountId, input }))));
    const oneByOne = (account: Account, inputs: Input[]) =>
      hub.app.get(DataSource).transaction(async (tx) => {
        const results = [];
        for (const input of inputs) results.push(await hub.app.get(ContactsService).upsertByIdentity(tx, account.accountId, input));
        return results;
      });
    /** An account's contacts and contact.* events, with ids replaced by their order of creation so two accounts compare. */
    const stateOf = async (account: Account) => {
      const contacts = await hub.sql('SELECT id, email, phone, first_name, last_name, custom_fields FROM contacts WHERE account_id = $1 ORDER BY created_at, email', [account.accountId]);
      const alias = new Map(contacts.map((c, i) => [c.id, `contact-${i}`]));
      const events = await hub.sql("SELECT type, data FROM events WHERE account_id = $1 AND type LIKE 'contact.%' ORDER BY id", [account.accountId]);
      return {
        contacts: contacts.map(({ id, ...rest }) => ({ id: alias.get(id), ...rest })),
        events: events.map((e) => ({ type: e.type, id: alias.get(e.data.id), email: e.data.email, phone: e.data.phone, changed: e.data.changed ?? null })),
      };
    };

    it('gives the same contacts, results and contact.* events as upsertByIdentity one by one', async () => {
      const existing: Input[] = [
        { email: 'known@example.com', first_name: 'Known', custom_fields: { plan: 'free', utm: 'x' } },
        { phone: '+34612345670', first_name: 'Phone only' },
      ];
      const batch: Input[] = [
        { email: 'New.One@Example.com', first_name: ' Nia ', custom_fields: { plan: 'pro' } },
        { email: 'known@example.com', last_name: 'Updated', custom_fields: { plan: 'pro', utm: null } },
        { email: 'by-phone@example.com', phone: '+34 612 345 670' },
        { email: 'new.one@example.com', phone: '+34612345671', custom_fields: { again: true } },
        { phone: '+34612345672', last_name: 'Phone person' },
        { email: 'other-new@example.com', phone: '+34612345671' },
        { email: 'known@example.com' },
      ];
      const [bulkAccount, seqAccount] = [await hub.signup(), await hub.signup()];
      await oneByOne(bulkAccount, existing);
      await oneByOne(seqAccount, existing);
      const fromBulk = await bulk(bulkAccount, batch);
      const fromSequence = await oneByOne(seqAccount, batch);

      const shape = (results: { contact: { email: string | null; phone: string | null; first_name: string | null; last_name: string | null; custom_fields: unknown }; created: boolean }[]) =>
        results.map(({ contact, created }) => ({ created, email: contact.email, phone: contact.phone, first_name: contact.first_name, last_name: contact.last_name, custom_fields: contact.custom_fields }));
      expect(shape(fromBulk)).toEqual(shape(fromSequence));
      expect(fromBulk.map((r) => r.created)).toEqual([true, false, false, false, true, false, false]);
      // The same person twice in a batch is one contact, the second input updating it; a phone given to it that way
      // then finds it for a later input of the batch (other-new@ is not created).
      expect(fromBulk[3].contact.id).toBe(fromBulk[0].contact.id);
      expect(fromBulk[5].contact.id).toBe(fromBulk[0].contact.id);
      expect(fromBulk[0].contact.created_at).toBeInstanceOf(Date);

      const [bulkState, seqState] = [await stateOf(bulkAccount), await stateOf(seqAccount)];
      expect(bulkState.contacts).toEqual(seqState.contacts);
      // New people's contact.created come first in bulk (one INSERT), then the others in input order.
      const sorted = (events: typeof bulkState.events) => [...events].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
      expect(sorted(bulkState.events)).toEqual(sorted(seqState.events));
      expect(bulkState.events.filter((e) => e.type === 'contact.created')).toHaveLength(4);
    });

    it('answers contacts it would not change from its one read (no write, no event) and gives new people the source, as upsertByIdentity does', async () => {
      const source = { name: 'WhatsApp' };
      const withSource = {
        bulk: (account: Account, inputs: Input[]) =>
          hub.app.get(DataSource).transaction((tx) => hub.app.get(BulkContactUpsert).upsertMany(tx, inputs.map((input) => ({ accountId: account.accountId, input, source })))),
        oneByOne: (account: Account, inputs: Input[]) =>
          hub.app.get(DataSource).transaction(async (tx) => {
            const results = [];
            for (const input of inputs) results.push(await hub.app.get(ContactsService).upsertByIdentity(tx, account.accountId, input, source));
            return results;
          }),
      };
      const existing: Input[] = [
        { phone: '+34612345680', custom_fields: { whatsapp_name: 'Ana' } },
        { email: 'bea@example.com', phone: '+34612345681' },
      ];
      const batch: Input[] = [
        { phone: '+34612345680', custom_fields: { whatsapp_name: 'Ana' } },
        { phone: '+34612345680', custom_fields: { whatsapp_name: 'Ana' } },
        { phone: '+34612345682', custom_fields: { whatsapp_name: 'Nuevo' } },
        { phone: '+34612345681', first_name: 'Bea' },
        { email: 'bea@example.com', first_name: 'Bea' },
        { phone: '+34612345680', custom_fields: { whatsapp_name: 'Ana María' } },
      ];
      const [bulkAccount, seqAccount] = [await hub.signup(), await hub.signup()];
      await withSource.oneByOne(bulkAccount, existing);
      await withSource.oneByOne(seqAccount, existing);
      const versions = async (account: Account) =>
        hub.sql<{ phone: string; version: string }>('SELECT phone, xmin::text AS version FROM contacts WHERE account_id = $1 ORDER BY phone', [account.accountId]);
      const before = await versions(bulkAccount);
      const eventsBefore = await countEvents(bulkAccount);
      const fromBulk = await withSource.bulk(bulkAccount, batch.slice(0, 3));
      // Ana twice, unchanged: answered from the read, neither row written nor event published; the new person inserted.
      expect(fromBulk.map((r) => [r.created, r.contact.phone])).toEqual([[false, '+34612345680'], [false, '+34612345680'], [true, '+34612345682']]);
      expect((await versions(bulkAccount)).filter((row) => row.phone !== '+34612345682')).toEqual(before);
      expect(await countEvents(bulkAccount)).toBe(eventsBefore + 1);

      const rest = await withSource.bulk(bulkAccount, batch.slice(3));
      const fromSequence = await withSource.oneByOne(seqAccount, batch);
      const shape = (results: { contact: { email: string | null; phone: string | null; first_name: string | null; custom_fields: unknown }; created: boolean }[]) =>
        results.map(({ contact, created }) => ({ created, email: contact.email, phone: contact.phone, first_name: contact.first_name, custom_fields: contact.custom_fields }));
      expect(shape([...fromBulk, ...rest])).toEqual(shape(fromSequence));
      const [bulkState, seqState] = [await stateOf(bulkAccount), await stateOf(seqAccount)];
      expect(bulkState.contacts).toEqual(seqState.contacts);
      expect(bulkState.events).toEqual(seqState.events);
      const sources = (account: Account) =>
        hub.sql('SELECT c.phone, s.name FROM contacts c LEFT JOIN contact_sources s ON s.id = c.source_id WHERE c.account_id = $1 ORDER BY c.phone', [account.accountId]);
      expect(await sources(bulkAccount)).toEqual(await sources(seqAccount));
      expect((await sources(bulkAccount)).map((row) => row.name)).toEqual(['WhatsApp', 'WhatsApp', 'WhatsApp']);
    });

    it('refuses the batch with an unreadable input, naming it, and writes nothing', async () => {
      const a = await hub.signup();
      await expect(bulk(a, [{ email: 'fine@example.com' }, { email: 'not-an-email' }])).rejects.toMatchObject({ field: 'email', status: 400 });
      await expect(bulk(a, [{ email: 'fine@example.com' }, { phone: 'n/a' }])).rejects.toMatchObject({ field: 'phone', status: 400 });
      await expect(bulk(a, [{ first_name: 'Nobody' }])).rejects.toMatchObject({ status: 400 });
      expect(await hub.sql('SELECT 1 FROM contacts WHERE account_id = $1', [a.accountId])).toHaveLength(0);
      expect(await countEvents(a)).toBe(0);
    });

    it('lets concurrent batches naming the same people in opposite orders finish, one contact per person', async () => {
      const a = await hub.signup();
      const people: Input[] = Array.from({ length: 20 }, (_, i) => ({ email: `overlap-${i}@example.com`, phone: `+3461234${String(5000 + i)}` }));
      const batches = [people, [...people].reverse(), people.filter((_, i) => i % 2 === 0), [...people].reverse().filter((_, i) => i % 3 === 0)];
      const results = await Promise.all(batches.map((batch) => bulk(a, batch)));
      expect(results.map((r) => r.length)).toEqual(batches.map((b) => b.length));
      const contacts = await hub.sql('SELECT email, phone FROM contacts WHERE account_id = $1 ORDER BY email', [a.accountId]);
      expect(contacts).toHaveLength(20);
      expect(results.flat().filter((r) => r.created)).toHaveLength(20);
    });
  });
});
