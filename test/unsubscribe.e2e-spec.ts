import { createHmac } from 'node:crypto';
import { UnsubscribeLinks } from '../libs/messaging/src';
import { Account, Hub, startHub } from './harness';

describe('unsubscribe links (SPEC §4 Mailing groups and unsubscribe)', () => {
  let hub: Hub;
  let a: Account;
  let links: UnsubscribeLinks;
  let contactId: string;
  let news: { id: string; name: string };
  let offers: { id: string; name: string };

  const path = (link: string) => link.slice(hub.config.publicUrl.length);
  const membership = async (groupId: string) =>
    (await hub.sql('SELECT unsubscribed_at FROM group_members WHERE group_id = $1 AND contact_id = $2', [groupId, contactId]))[0];
  const unsubscribedEvents = () => hub.sql("SELECT * FROM events WHERE type = 'group.unsubscribed' AND data->>'contact_id' = $1 ORDER BY id", [contactId]);
  const oneClick = (p: string) => hub.request('POST', p, { raw: 'List-Unsubscribe=One-Click', contentType: 'application/x-www-form-urlencoded' });

  beforeAll(async () => {
    hub = await startHub();
    a = await hub.signup();
    links = hub.app.get(UnsubscribeLinks);
    const group = async (name: string) => (await hub.request('POST', '/api/groups', { token: a.token, body: { name } })).body;
    news = await group('Monthly <newsletter>');
    offers = await group('Offers');
    for (const g of [news, offers]) {
      const added = await hub.request('POST', `/api/groups/${g.id}/members`, { token: a.token, body: { email: 'maria.gonzalez@example.com' } });
      expect(added.status).toBe(201);
      contactId = added.body.contact_id;
    }
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('makes unguessable links under PUBLIC_URL', () => {
    const link = links.linkFor(a.accountId, contactId, [news.id]);
    expect(link).toMatch(new RegExp(`^${hub.config.publicUrl}/u/[A-Za-z0-9_-]{40,}\\.[A-Za-z0-9_-]{43}$`));
    expect(links.linkFor(a.accountId, contactId)).not.toBe(link);
  });

  it('GET shows a confirmation page naming the groups and changes nothing', async () => {
    const res = await hub.request('GET', path(links.linkFor(a.accountId, contactId, [news.id])));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.text).toContain('Monthly &lt;newsletter&gt;');
    expect(res.text).not.toContain('Offers');
    expect(res.text).toContain('<form method="post">');
    expect(res.text).toContain('m••••••@example.com');
    expect(res.text).not.toContain('maria.gonzalez');
    expect((await membership(news.id)).unsubscribed_at).toBeNull();
    expect(await unsubscribedEvents()).toHaveLength(0);
  });

  it('POST (one-click) unsubscribes from the groups named and emits group.unsubscribed once', async () => {
    const p = path(links.linkFor(a.accountId, contactId, [news.id]));
    const res = await oneClick(p);
    expect(res.status).toBe(200);
    expect(res.text).toContain('You are unsubscribed');
    expect(res.text).toContain('Monthly &lt;newsletter&gt;');
    expect((await membership(news.id)).unsubscribed_at).not.toBeNull();
    expect((await membership(offers.id)).unsubscribed_at).toBeNull();
    const events = await unsubscribedEvents();
    expect(events).toHaveLength(1);
    expect(events[0].account_id).toBe(a.accountId);
    expect(events[0].data).toEqual({
      group_id: news.id,
      group_name: 'Monthly <newsletter>',
      contact_id: contactId,
      email: 'maria.gonzalez@example.com',
      phone: null,
      via: 'unsubscribe_link',
    });
    const [contact] = await hub.sql('SELECT unsubscribed_at FROM contacts WHERE id = $1', [contactId]);
    expect(contact.unsubscribed_at).toBeNull();

    // The page's own button posts no body; a repeat changes nothing and emits nothing.
    const again = await hub.request('POST', p);
    expect(again.status).toBe(200);
    expect(await unsubscribedEvents()).toHaveLength(1);
  });

  it('a link without groups unsubscribes from every group and from all emails', async () => {
    const res = await hub.request('GET', path(links.linkFor(a.accountId, contactId)));
    expect(res.text).toContain('all mailing lists');
    const done = await oneClick(path(links.linkFor(a.accountId, contactId)));
    expect(done.status).toBe(200);
    expect((await membership(offers.id)).unsubscribed_at).not.toBeNull();
    const events = await unsubscribedEvents();
    expect(events.map((e) => e.data.group_id)).toEqual([news.id, offers.id]);
    const [contact] = await hub.sql('SELECT unsubscribed_at FROM contacts WHERE id = $1', [contactId]);
    expect(contact.unsubscribed_at).not.toBeNull();
  });

  it('answers 404 with a page for forged, altered or foreign-key tokens, and changes nothing', async () => {
    const other = await hub.request('POST', '/api/contacts', { token: a.token, body: { email: 'other@example.com' } });
    await hub.request('POST', `/api/groups/${offers.id}/members`, { token: a.token, body: { email: 'other@example.com' } });
    const genuine = path(links.linkFor(a.accountId, other.body.id));
    const [payload, mac] = genuine.slice('/u/'.length).split('.');
    const tampered = `${payload}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    // The same claim signed with a key that is not the hub's.
    const foreignKey = `${payload}.${createHmac('sha256', 'not-the-hub-key').update(Buffer.from(payload, 'base64url')).digest('base64url')}`;
    for (const p of [`/u/${tampered}`, `/u/${foreignKey}`, '/u/not-a-token', `/u/${payload}`]) {
      const shown = await hub.request('GET', p);
      expect(shown.status).toBe(404);
      expect(shown.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(shown.text).toContain('This link is not valid');
      expect((await oneClick(p)).status).toBe(404);
    }
    const [member] = await hub.sql('SELECT unsubscribed_at FROM group_members WHERE contact_id = $1', [other.body.id]);
    expect(member.unsubscribed_at).toBeNull();
    expect(await hub.sql("SELECT 1 FROM events WHERE type = 'group.unsubscribed' AND data->>'contact_id' = $1", [other.body.id])).toHaveLength(0);

    // The genuine link still works; once the contact is deleted it is a 404 too.
    expect((await hub.request('GET', genuine)).status).toBe(200);
    await hub.request('DELETE', `/api/contacts/${other.body.id}`, { token: a.token });
    expect((await hub.request('GET', genuine)).status).toBe(404);
    expect((await oneClick(genuine)).status).toBe(404);
  });

  it('needs no login, and is not under /api', async () => {
    const res = await hub.request('GET', path(links.linkFor(a.accountId, contactId)));
    expect(res.status).toBe(200);
    expect((await hub.request('GET', '/api/u/whatever')).status).toBe(404);
  });
});
