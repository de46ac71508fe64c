import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { DataSource } from 'typeorm';
import { findEventType } from '@hub/events';
import { GroupsService } from '@hub/groups';
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

/** Mailing groups and their members (SPEC §4 "Mailing groups and unsubscribe", §3 group.* events). */
describe('groups', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    const events = await hub.sql<{ type: string; data: Record<string, unknown> }>("SELECT type, data FROM events WHERE type LIKE 'group.%' ORDER BY id");
    try {
      expect(events.length).toBeGreaterThan(5);
      for (const event of events) expectCatalogShape(event.type, event.data);
    } finally {
      await hub.close();
    }
  });

  const eventsOf = (account: Account, type: string): Promise<{ data: Record<string, any> }[]> =>
    hub.sql('SELECT data FROM events WHERE account_id = $1 AND type = $2 ORDER BY id', [account.accountId, type]);

  const countEvents = async (account: Account): Promise<number> =>
    Number((await hub.sql('SELECT count(*) AS n FROM events WHERE account_id = $1', [account.accountId]))[0].n);

  const createGroup = async (account: Account, name: string) => {
    const res = await hub.request('POST', '/api/groups', { token: account.token, body: { name } });
    if (res.status !== 201) throw new Error(`create group failed: ${res.status} ${res.text}`);
    return res.body;
  };

  it('creates, lists, reads, renames and deletes groups; names are unique per account', async () => {
    const a = await hub.signup();
    const created = await hub.request('POST', '/api/groups', {
      token: a.token,
      body: { name: ' Monthly newsletter ', description: 'First Monday of the month' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Monthly newsletter',
      description: 'First Monday of the month',
      member_count: 0,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const id: string = created.body.id;

    const dup = await hub.request('POST', '/api/groups', { token: a.token, body: { name: 'Monthly newsletter' } });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('A group named "Monthly newsletter" already exists');

    const second = await createGroup(a, 'Product updates');
    const list = await hub.request('GET', '/api/groups', { token: a.token });
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [second, created.body], next_cursor: null });

    const patched = await hub.request('PATCH', `/api/groups/${id}`, { token: a.token, body: { name: 'Newsletter', description: null } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id, name: 'Newsletter', description: null, member_count: 0 });
    expect((await hub.request('PATCH', `/api/groups/${id}`, { token: a.token, body: { name: 'Product updates' } })).status).toBe(409);
    expect((await hub.request('GET', `/api/groups/${id}`, { token: a.token })).body).toEqual(patched.body);

    expect((await hub.request('DELETE', `/api/groups/${id}`, { token: a.token })).status).toBe(204);
    expect((await hub.request('GET', `/api/groups/${id}`, { token: a.token })).status).toBe(404);
    expect((await hub.request('GET', '/api/groups', { token: a.token })).body.items.map((g: { id: string }) => g.id)).toEqual([second.id]);
  });

  it('rejects unknown fields and account_id by name', async () => {
    const a = await hub.signup();
    const b = await hub.signup();
    const unknown = await hub.request('POST', '/api/groups', { token: a.token, body: { name: 'X', colour: 'red' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ field: 'colour', message: 'property colour should not exist' }]);
    const foreign = await hub.request('POST', '/api/groups', { token: a.token, body: { name: 'X', account_id: b.accountId } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details).toEqual([{ field: 'account_id', message: 'property account_id should not exist' }]);

    const group = await createGroup(a, 'Y');
    const memberExtra = await hub.request('POST', `/api/groups/${group.id}/members`, {
      token: a.token,
      body: { email: 'm@example.com', account_id: b.accountId },
    });
    expect(memberExtra.status).toBe(400);
    expect(memberExtra.body.details).toEqual([{ field: 'account_id', message: 'property account_id should not exist' }]);
    expect(await hub.sql('SELECT 1 FROM groups WHERE account_id = $1', [b.accountId])).toHaveLength(0);
    expect(await hub.sql('SELECT 1 FROM contacts WHERE account_id = ANY($1)', [[a.accountId, b.accountId]])).toHaveLength(0);
  });

  it('subscribes by email or phone (creating the contact when missing) and emits group.subscribed via api', async () => {
    const a = await hub.signup();
    const group = await createGroup(a, 'Newsletter');
    const existing = (await hub.request('POST', '/api/contacts', { token: a.token, body: { phone: '+34612345678', first_name: 'Ana' } })).body;

    const byEmail = await hub.request('POST', `/api/groups/${group.id}/members`, { token: a.token, body: { email: ' New.Person@Example.com' } });
    expect(byEmail.status).toBe(201);
    expect(byEmail.body).toEqual({
      group_id: group.id,
      contact_id: expect.any(String),
      email: 'new.person@example.com',
      phone: null,
      first_name: null,
      last_name: null,
      subscribed: true,
      subscribed_at: expect.any(String),
      unsubscribed_at: null,
    });
    const created = await eventsOf(a, 'contact.created');
    expect(created.map((e) => e.data.email)).toEqual([null, 'new.person@example.com']);

    const byPhone = await hub.request('POST', `/api/groups/${group.id}/members`, { token: a.token, body: { phone: '+34 612 34 56 78' } });
    expect(byPhone.status).toBe(201);
    expect(byPhone.body).toMatchObject({ contact_id: existing.id, phone: '+34612345678', first_name: 'Ana' });
    expect(await eventsOf(a, 'contact.created')).toHaveLength(2);

    const subscribed = await eventsOf(a, 'group.subscribed');
    expect(subscribed.map((e) => e.data)).toEqual([
      { group_id: group.id, group_name: 'Newsletter', contact_id: byEmail.body.contact_id, email: 'new.person@example.com', phone: null, via: 'api' },
      { group_id: group.id, group_name: 'Newsletter', contact_id: existing.id, email: null, phone: '+34612345678', via: 'api' },
    ]);

    // Already subscribed: 200, nothing changes, no event.
    const again = await hub.request('POST', `/api/groups/${group.id}/members`, { token: a.token, body: { email: 'NEW.PERSON@example.com' } });
    expect(again.status).toBe(200);
    expect(again.body.subscribed_at).toBe(byEmail.body.subscribed_at);
    expect(await eventsOf(a, 'group.subscribed')).toHaveLength(2);

    const members = await hub.request('GET', `/api/groups/${group.id}/members`, { token: a.token });
    expect(members.status).toBe(200);
    expect(members.body.items.map((m: { contact_id: string }) => m.contact_id)).toEqual([existing.id, byEmail.body.contact_id]);
    expect(members.body.items[0]).not.toHaveProperty('account_id');
    const page = await hub.request('GET', `/api/groups/${group.id}/members?limit=1`, { token: a.token });
    expect(page.body.items).toHaveLength(1);
    const rest = await hub.request('GET', `/api/groups/${group.id}/members?limit=1&cursor=${page.body.next_cursor}`, { token: a.token });
    expect(rest.body).toEqual({ items: [members.body.items[1]], next_cursor: null });
    expect((await hub.request('GET', `/api/groups/${group.id}`, { token: a.token })).body.member_count).toBe(2);
  });

  it('refuses a sign-up without email or phone, or with an unreadable phone, and stores nothing', async () => {
    const a = await hub.signup();
    const group = await createGroup(a, 'Newsletter');
    const none = await hub.request('POST', `/api/groups/${group.id}/members`, { token: a.token, body: {} });
    expect(none.status).toBe(400);
    const badPhone = await hub.request('POST', `/api/groups/${group.id}/members`, { token: a.token, body: { phone: 'nope' } });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.details).toEqual([expect.objectContaining({ field: 'phone' })]);
    const badEmail = await hub.request('POST', `/api/groups/${group.id}/members`, { token: a.token, body: { email: 'nope' } });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.details).toEqual([expect.objectContaining({ field: 'email' })]);

    // Unknown group: the contact the request would have created is rolled back with it.
    const missing = await hub.request('POST', '/api/groups/00000000-0000-4000-8000-000000000000/members', {
      token: a.token,
      body: { email: 'ghost@example.com' },
    });
    expect(missing.status).toBe(404);
    expect(await hub.sql('SELECT 1 FROM contacts WHERE account_id = $1', [a.accountId])).toHaveLength(0);
    expect(await countEvents(a)).toBe(0);
  });

  it('unsubscribes a member (group.unsubscribed via api), 404 when not subscribed, and re-subscribes', async () => {
    const a = await hub.signup();
    const group = await createGroup(a, 'Offers');
    const member = (await hub.request('POST', `/api/groups/${group.id}/members`, { token: a.token, body: { email: 'leo@example.com' } })).body;

    const del = await hub.request('DELETE', `/api/groups/${group.id}/members/${member.contact_id}`, { token: a.token });
    expect(del.status).toBe(204);
    expect((await eventsOf(a, 'group.unsubscribed')).map((e) => e.data)).toEqual([
      { group_id: group.id, group_name: 'Offers', contact_id: member.contact_id, email: 'leo@example.com', phone: null, via: 'api' },
    ]);
    const [row] = await hub.sql('SELECT unsubscribed_at FROM group_members WHERE group_id = $1 AND contact_id = $2', [group.id, member.contact_id]);
    expect(row.unsubscribed_at).toBeInstanceOf(Date);
    expect((await hub.request('GET', `/api/groups/${group.id}`, { token: a.token })).body.member_count).toBe(0);
    const listed = await hub.request('GET', `/api/groups/${group.id}/members?status=unsubscribed`, { token: a.token });
    expect(listed.body.items).toEqual([expect.objectContaining({ contact_id: member.contact_id, subscribed: false, unsubscribed_at: expect.any(String) })]);
    expect((await hub.request('GET', `/api/groups/${group.id}/members?status=subscribed`, { token: a.token })).body.items).toEqual([]);

    const twice = await hub.request('DELETE', `/api/groups/${group.id}/members/${member.contact_id}`, { token: a.token });
    expect(twice.status).toBe(404);
    const stranger = (await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'stranger@example.com' } })).body;
    expect((await hub.request('DELETE', `/api/groups/${group.id}/members/${stranger.id}`, { token: a.token })).status).toBe(404);
    expect(await eventsOf(a, 'group.unsubscribed')).toHaveLength(1);

    const back = await hub.request('POST', `/api/groups/${group.id}/members`, { token: a.token, body: { email: 'leo@example.com' } });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ contact_id: member.contact_id, subscribed: true, unsubscribed_at: null });
    expect(new Date(back.body.subscribed_at).getTime()).toBeGreaterThan(new Date(member.subscribed_at).getTime());
    expect(await eventsOf(a, 'group.subscribed')).toHaveLength(2);
  });

  it('keeps every account to its own groups and members (404 on every by-id route, absent from lists)', async () => {
    const a = await hub.signup();
    const b = await hub.signup();
    const group = await createGroup(a, 'Private list');
    const member = (await hub.request('POST', `/api/groups/${group.id}/members`, { token: a.token, body: { email: 'secret@example.com' } })).body;
    const ownGroup = await createGroup(b, 'B list');
    const eventsOfA = await countEvents(a);

    const base = `/api/groups/${group.id}`;
    expect((await hub.request('GET', base, { token: b.token })).status).toBe(404);
    expect((await hub.request('PATCH', base, { token: b.token, body: { name: 'Mine' } })).status).toBe(404);
    expect((await hub.request('DELETE', base, { token: b.token })).status).toBe(404);
    const members = await hub.request('GET', `${base}/members`, { token: b.token });
    expect(members.status).toBe(404);
    expect(members.text).not.toContain('secret@example.com');
    expect((await hub.request('POST', `${base}/members`, { token: b.token, body: { email: 'b@example.com' } })).status).toBe(404);
    expect((await hub.request('DELETE', `${base}/members/${member.contact_id}`, { token: b.token })).status).toBe(404);
    // Nor can B reach A's contact through its own group.
    expect((await hub.request('DELETE', `/api/groups/${ownGroup.id}/members/${member.contact_id}`, { token: b.token })).status).toBe(404);

    expect((await hub.request('GET', '/api/groups', { token: b.token })).body.items.map((g: { id: string }) => g.id)).toEqual([ownGroup.id]);
    expect(await hub.sql('SELECT 1 FROM contacts WHERE account_id = $1', [b.accountId])).toHaveLength(0);
    expect(await countEvents(b)).toBe(0);
    expect(await countEvents(a)).toBe(eventsOfA);
    expect((await hub.request('GET', base, { token: a.token })).body).toMatchObject({ name: 'Private list', member_count: 1 });
  });

  it('drops memberships with their contact or group', async () => {
    const a = await hub.signup();
    const keep = await createGroup(a, 'Keep');
    const drop = await createGroup(a, 'Drop');
    const m = (await hub.request('POST', `/api/groups/${keep.id}/members`, { token: a.token, body: { email: 'x@example.com' } })).body;
    await hub.request('POST', `/api/groups/${drop.id}/members`, { token: a.token, body: { email: 'x@example.com' } });
    await hub.request('POST', `/api/groups/${keep.id}/members`, { token: a.token, body: { email: 'y@example.com' } });

    expect((await hub.request('DELETE', `/api/groups/${drop.id}`, { token: a.token })).status).toBe(204);
    expect(await hub.sql('SELECT 1 FROM group_members WHERE group_id = $1', [drop.id])).toHaveLength(0);
    expect((await hub.request('DELETE', `/api/contacts/${m.contact_id}`, { token: a.token })).status).toBe(204);
    expect((await hub.request('GET', `/api/groups/${keep.id}`, { token: a.token })).body.member_count).toBe(1);
  });

  describe('GroupsService.unsubscribe (for unsubscribe links)', () => {
    const unsubscribe = (account: Account, contactId: string, groupIds: string[] | 'all') =>
      hub.app.get(DataSource).transaction((tx) => hub.app.get(GroupsService).unsubscribe(tx, account.accountId, contactId, groupIds, 'unsubscribe_link'));

    it('leaves the named groups, or all of them (marking the contact unsubscribed), one group.unsubscribed each', async () => {
      const a = await hub.signup();
      const news = await createGroup(a, 'News');
      const offers = await createGroup(a, 'Offers');
      const events = await createGroup(a, 'Events');
      let contactId = '';
      for (const group of [news, offers, events]) {
        contactId = (await hub.request('POST', `/api/groups/${group.id}/members`, { token: a.token, body: { phone: '+14155552671' } })).body.contact_id;
      }

      expect(await unsubscribe(a, contactId, [offers.id])).toEqual([offers.id]);
      expect(await unsubscribe(a, contactId, [offers.id])).toEqual([]); // already left: nothing to do
      expect((await hub.request('GET', `/api/contacts/${contactId}`, { token: a.token })).body.unsubscribed_at).toBeNull();

      expect((await unsubscribe(a, contactId, 'all')).sort()).toEqual([news.id, events.id].sort());
      const left = await eventsOf(a, 'group.unsubscribed');
      expect(left.map((e) => [e.data.group_name, e.data.via, e.data.phone])).toEqual([
        ['Offers', 'unsubscribe_link', '+14155552671'],
        ['News', 'unsubscribe_link', '+14155552671'],
        ['Events', 'unsubscribe_link', '+14155552671'],
      ]);
      expect((await hub.request('GET', `/api/contacts/${contactId}`, { token: a.token })).body.unsubscribed_at).toEqual(expect.any(String));
      for (const group of [news, offers, events]) {
        expect((await hub.request('GET', `/api/groups/${group.id}`, { token: a.token })).body.member_count).toBe(0);
      }
    });

    it('touches only the given account: another account’s contact is 404 and its groups are skipped', async () => {
      const a = await hub.signup();
      const b = await hub.signup();
      const group = await createGroup(a, 'News');
      const member = (await hub.request('POST', `/api/groups/${group.id}/members`, { token: a.token, body: { email: 'z@example.com' } })).body;
      await expect(unsubscribe(b, member.contact_id, 'all')).rejects.toMatchObject({ status: 404 });
      const bContact = (await hub.request('POST', '/api/contacts', { token: b.token, body: { email: 'z@example.com' } })).body;
      expect(await unsubscribe(b, bContact.id, [group.id])).toEqual([]);
      expect((await hub.request('GET', `/api/groups/${group.id}`, { token: a.token })).body.member_count).toBe(1);
      expect(await eventsOf(a, 'group.unsubscribed')).toHaveLength(0);
      expect(await eventsOf(b, 'group.unsubscribed')).toHaveLength(0);
    });
  });
});
