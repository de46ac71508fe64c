import { Browser, BrowserContext, Page } from 'playwright-core';
import { Hub, startHub } from '../harness';
import { eventually, Receiver } from '../support/receiver';
import { collectPageErrors, fullPageShot, launchChromium, logIn, newAppContext, onPath, sessionToken, viewportShot, visible, WAIT_MS } from './chromium';

/**
 * One signed-in page for the whole suite (logins are throttled per IP), driven
 * like a person: each test goes on from where the previous one left the account.
 */
describe('admin app in Chromium: webhooks and the delivery log', () => {
  let hub: Hub;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  /** Answers 500 to everything: a receiver that is down. */
  const down = new Receiver();
  /** Answers 200 unless a test says otherwise. */
  const crm = new Receiver();

  beforeAll(async () => {
    // Two attempts a second apart, so a failing delivery is "failed" within seconds.
    hub = await startHub({ env: { WEBHOOK_RETRY_SCHEDULE: '0,1', WEBHOOK_SWEEP_INTERVAL_MS: '500' } });
    await Promise.all([down.start(), crm.start()]);
    down.respond = () => ({ status: 500, body: 'receiver is down' });
    browser = await launchChromium();
    context = await newAppContext(browser, hub.url);
    page = await context.newPage();
    collectPageErrors(page, pageErrors);

    await logIn(page, hub.config.adminEmail!);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await Promise.all([down.stop(), crm.stop()]);
    await hub?.close();
  });

  afterEach(() => {
    // An uncaught exception in the app fails the test even when the page looked right.
    expect(pageErrors).toEqual([]);
  });

  const sidebarLink = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const token = () => sessionToken(page);
  /** Publishes a catalog event with the catalog's example data (the hub checks data against the event's schema). */
  const publish = async (type: string) => {
    const catalog = await hub.request('GET', '/api/event-types', { token: await token() });
    const data = catalog.body.find((eventType: { type: string }) => eventType.type === type).example;
    const res = await hub.request('POST', '/api/events', { token: await token(), body: { type, data } });
    expect(res.status).toBe(202);
    return { id: res.body.id as string, data };
  };
  const endpointCard = () => page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'CRM sync', exact: true }) });

  it('tests every URL before saving: a failing Test keeps Save disabled, a passing one enables it', async () => {
    await sidebarLink('Webhooks').click();
    await onPath(page, '/webhooks');
    await visible(page.getByText('No endpoints yet.'));
    await page.getByRole('button', { name: 'Add endpoint' }).click();

    const save = page.getByRole('button', { name: 'Save endpoint' });
    const contactsUrl = crm.url('/contacts');
    const brokenUrl = down.url('/bounces');
    const bouncesUrl = crm.url('/bounces');

    // Event types come folded by domain: open the two groups used here.
    await page.getByRole('button', { name: /contact\.\* events/ }).click();
    await page.getByRole('button', { name: /message\.\* events/ }).click();
    await page.getByLabel('URL for contact.created').fill(contactsUrl);
    await page.getByLabel('URL for message.bounced').fill(brokenUrl);
    expect(await page.getByLabel('contact.created', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('message.bounced', { exact: true }).isChecked()).toBe(true);
    expect(await save.isDisabled()).toBe(true);
    await visible(page.getByText(`Test ${contactsUrl} and ${brokenUrl} first.`));

    await page.getByRole('button', { name: 'Test message.bounced' }).click();
    const failed = page.getByRole('region', { name: /^Failed Test of message\.bounced/ });
    await visible(failed);
    await visible(failed.getByText('HTTP 500 in', { exact: false }));
    expect(await failed.getByLabel('Request sent').textContent()).toContain(`POST ${brokenUrl}`);
    expect(await failed.getByLabel('Request sent').textContent()).toMatch(/webhook-signature: v1,/);
    expect(await failed.getByLabel('Response received').textContent()).toContain('receiver is down');
    expect(down.received).toHaveLength(1);
    expect(JSON.parse(down.received[0].body)).toMatchObject({ type: 'message.bounced' });
    expect(await save.isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Test contact.created' }).click();
    await visible(page.getByRole('region', { name: /^Passed Test of contact\.created/ }));
    // One URL passed, the other did not: still locked, and the page names the blocker.
    expect(await save.isDisabled()).toBe(true);
    await visible(page.locator('#save-gate').getByText(`${brokenUrl} answered HTTP 500.`));

    await page.getByRole('button', { name: 'Test message.bounced' }).click();
    await visible(failed);
    await viewportShot(page, failed, 'webhook-test-result');

    await page.getByLabel('URL for message.bounced').fill(bouncesUrl);
    expect(await save.isDisabled()).toBe(true);
    await visible(page.getByText(`Test ${bouncesUrl} first.`, { exact: true }));
    await page.getByRole('button', { name: 'Test message.bounced' }).click();
    await visible(page.getByRole('region', { name: /^Passed Test of message\.bounced/ }));
    await visible(page.getByText('Every new or changed URL has passed its test.'));
    expect(await save.isEnabled()).toBe(true);

    // Editing a tested URL locks Save again; putting it back unlocks it.
    await page.getByLabel('URL for contact.created').fill(`${contactsUrl}/v2`);
    expect(await save.isDisabled()).toBe(true);
    await page.getByLabel('URL for contact.created').fill(contactsUrl);
    expect(await save.isEnabled()).toBe(true);

    await page.getByLabel('Description').fill('CRM sync');
    await page.getByRole('button', { name: 'Add header' }).click();
    await page.getByLabel('Header 1 name').fill('X-Env');
    await page.getByLabel('Header 1 value').fill('e2e');
    await fullPageShot(page, 'webhooks');

    await save.click();
    await visible(page.getByRole('heading', { name: 'Endpoint “CRM sync” saved' }));
    const secret = await page.getByRole('textbox', { name: 'Signing secret', exact: true }).inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/);
    await page.getByRole('button', { name: 'Done' }).click();

    const card = endpointCard();
    await visible(card);
    await visible(card.getByText('Enabled', { exact: true }));
    await visible(card.getByText(bouncesUrl));
    const [saved] = await hub.sql('SELECT url, event_types, event_urls, headers FROM endpoints');
    expect(saved).toEqual({
      url: null,
      event_types: ['contact.created', 'message.bounced'],
      event_urls: { 'contact.created': contactsUrl, 'message.bounced': bouncesUrl },
      headers: { 'x-env': 'e2e' },
    });
  });

  it('publishes an event and shows its delivery and attempts in the log', async () => {
    const { id: eventId, data } = await publish('contact.created');
    const got = await eventually(async () => crm.received.find((r) => r.headers['webhook-id'] === eventId));
    expect(got.path).toBe('/contacts');
    expect(got.headers['x-env']).toBe('e2e');

    await sidebarLink('Delivery log').click();
    await onPath(page, '/deliveries');
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: /^Open delivery of contact\.created/ }) });
    await visible(row);
    await visible(row.getByText('Succeeded', { exact: true }));
    await visible(row.getByText('HTTP 200', { exact: true }));

    await row.getByRole('button', { name: /^Open delivery of contact\.created/ }).click();
    await visible(page.getByRole('heading', { name: /^Delivery of contact\.created/ }));
    const attempt = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Attempt 1/ }) });
    await visible(attempt);
    await visible(attempt.getByText(/^HTTP 200 in \d+ ms$/));
    expect(await attempt.getByLabel('Request headers of attempt 1').textContent()).toContain(`webhook-id: ${eventId}`);
    expect(await attempt.getByLabel('Response body of attempt 1').textContent()).toBe('ok');
    const payload = JSON.parse((await page.getByLabel('Event payload').textContent()) ?? '');
    expect(payload).toMatchObject({ id: eventId, type: 'contact.created', data });
  });

  it('shows a delivery that failed, and Retry makes a new attempt that the page shows', async () => {
    crm.respond = (req) => (req.path === '/bounces' ? { status: 500, body: 'bounce handler crashed' } : { status: 200, body: 'ok' });
    const { id: eventId } = await publish('message.bounced');

    await page.getByRole('button', { name: '← Back to deliveries' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: /^Open delivery of message\.bounced/ }) });
    const contactRow = page.getByRole('row').filter({ has: page.getByRole('button', { name: /^Open delivery of contact\.created/ }) });
    // Two attempts a second apart, then the list (refreshing every 3 s by itself) shows it failed.
    await visible(row.getByText('Failed', { exact: true }), 30_000);
    await visible(row.getByText('HTTP 500', { exact: true }));
    await visible(contactRow);
    expect(crm.received.filter((r) => r.headers['webhook-id'] === eventId)).toHaveLength(2);
    await fullPageShot(page, 'deliveries');

    await page.getByLabel('Status').selectOption('failed');
    await contactRow.waitFor({ state: 'detached', timeout: WAIT_MS });
    await visible(row);
    expect(new URL(page.url()).searchParams.get('status')).toBe('failed');

    await row.getByRole('button', { name: /^Open delivery of message\.bounced/ }).click();
    const second = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Attempt 2/ }) });
    await visible(second.getByText(/^HTTP 500 in \d+ ms$/));
    expect(await second.getByLabel('Response body of attempt 2').textContent()).toBe('bounce handler crashed');

    crm.respond = () => ({ status: 200, body: 'fixed' });
    await page.getByRole('button', { name: 'Retry', exact: true }).click();
    const third = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Attempt 3/ }) });
    await visible(third);
    await visible(third.getByText(/^HTTP 200 in \d+ ms$/));
    expect(await third.getByLabel('Response body of attempt 3').textContent()).toBe('fixed');
    await visible(page.getByRole('heading', { name: /^Delivery of message\.bounced/ }).getByText('Succeeded'));
    expect(crm.received.filter((r) => r.headers['webhook-id'] === eventId)).toHaveLength(3);
    await fullPageShot(page, 'delivery-detail');
  });

  it('reveals and rotates an endpoint secret; the old one keeps signing next to the new one', async () => {
    await sidebarLink('Webhooks').click();
    await onPath(page, '/webhooks');
    const card = endpointCard();
    await card.getByRole('button', { name: 'Secret' }).click();
    await card.getByRole('button', { name: 'Reveal secret' }).click();
    const oldSecret = await card.getByRole('textbox', { name: 'Signing secret', exact: true }).inputValue();
    expect(oldSecret).toMatch(/^whsec_/);

    await card.getByRole('button', { name: 'Rotate secret' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rotate the signing secret?' });
    await visible(dialog);
    await visible(dialog.getByText(/signs with both for 24 hours/));
    await dialog.getByRole('button', { name: 'Rotate secret' }).click();
    await visible(card.getByText(/The previous secret keeps signing too until/));
    const newSecret = await card.getByRole('textbox', { name: 'New signing secret', exact: true }).inputValue();
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(oldSecret);

    const endpoints = await hub.request('GET', '/api/endpoints', { token: await token() });
    const stored = await hub.request('GET', `/api/endpoints/${endpoints.body[0].id}/secret`, { token: await token() });
    expect(stored.body.secret).toBe(newSecret);

    // A test send now carries two signatures: one per secret.
    const before = crm.received.length;
    await card.getByRole('button', { name: 'Send test' }).click();
    await card.getByLabel('Event to send').selectOption('contact.created');
    await card.getByRole('button', { name: 'Send now' }).click();
    await visible(card.getByRole('region', { name: /^Passed Test of contact\.created/ }));
    await crm.waitFor(before + 1);
    const signatures = crm.received[before].headers['webhook-signature'].split(' ');
    expect(signatures).toHaveLength(2);
  });
});
