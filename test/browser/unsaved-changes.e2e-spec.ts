import { Browser, BrowserContext, Page } from 'playwright-core';
import { Account, Hub, startHub } from '../harness';
import { seedEndpoint } from '../support/endpoint-fixture';
import { collectPageErrors, gone, launchChromium, newAppContext, saveScreenshot, visible } from './chromium';

/**
 * The unsaved-changes guard on the forms of the endpoint, contact, channel,
 * group and API key screens: leaving with edits asks, Cancel keeps the edits, "Leave and
 * discard" goes; a clean form and a saved one leave without asking.
 */
describe('admin app in Chromium: leaving a form with unsaved edits asks first', () => {
  let hub: Hub;
  let account: Account;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    hub = await startHub({ env: { PUBLIC_URL: 'https://hub.example.com' } });
    account = await hub.signup();
    browser = await launchChromium();
    context = await newAppContext(browser, hub.url, { token: account.token });
    page = await context.newPage();
    collectPageErrors(page, pageErrors);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await hub?.close();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  const sidebarLink = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const leaveDialog = () => page.getByRole('dialog', { name: 'Leave without saving?' });
  const count = async (table: string) => Number((await hub.sql<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`))[0].n);

  it('a new contact: a sidebar link asks, Cancel keeps the typing, Leave and discard goes', async () => {
    await page.goto('/contacts');
    await page.getByRole('button', { name: 'New contact' }).click();
    const form = page.getByRole('form', { name: 'New contact' });
    await form.getByLabel('Email').fill('maria@example.com');
    await form.getByLabel('First name').fill('Maria');

    await sidebarLink('Groups').click();
    const dialog = leaveDialog();
    await visible(dialog.getByText('Your changes to this new contact are not saved.'));
    await saveScreenshot(page, 'contacts-unsaved-changes');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await gone(dialog);
    expect(new URL(page.url()).pathname).toBe('/contacts');
    expect(await form.getByLabel('Email').inputValue()).toBe('maria@example.com');

    await sidebarLink('Groups').click();
    await leaveDialog().getByRole('button', { name: 'Leave and discard' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Groups' }));
    expect(await count('contacts')).toBe(0);
  });

  it('a saved contact leaves without asking, and an untouched form never asks', async () => {
    await page.goto('/contacts');
    await page.getByRole('button', { name: 'New contact' }).click();
    const form = page.getByRole('form', { name: 'New contact' });
    await form.getByLabel('Email').fill('lee@example.com');
    await form.getByRole('button', { name: /^(Create|Save)/ }).click();
    await visible(page.getByText('lee@example.com').first());
    expect(await count('contacts')).toBe(1);
    await sidebarLink('Groups').click();
    await visible(page.getByRole('heading', { level: 1, name: 'Groups' }));
    expect(await leaveDialog().count()).toBe(0);

    await page.goto('/channels');
    await page.getByRole('button', { name: /^Add SMS channel/ }).click();
    await visible(page.getByRole('form', { name: 'New SMS channel' }));
    await sidebarLink('Contacts').click();
    await visible(page.getByRole('heading', { level: 1, name: 'Contacts' }));
    expect(await leaveDialog().count()).toBe(0);
  });

  it('a channel form with edits asks before its own Back and Cancel too', async () => {
    await page.goto('/channels');
    await page.getByRole('button', { name: /^Add SMS channel/ }).click();
    const form = page.getByRole('form', { name: 'New SMS channel' });
    await form.getByLabel('Name').fill('Alerts');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await visible(leaveDialog().getByText('Your changes to this new SMS channel are not saved.'));
    await leaveDialog().getByRole('button', { name: 'Cancel' }).click();
    expect(await form.getByLabel('Name').inputValue()).toBe('Alerts');
    expect(await count('channels')).toBe(0);
  });

  it('the group and API key screens ask when their name field has typing', async () => {
    await page.goto('/groups');
    await page.getByLabel('Group name').fill('Newsletter');
    await sidebarLink('API keys').click();
    await visible(leaveDialog().getByText('Your changes to the new group are not saved.'));
    await leaveDialog().getByRole('button', { name: 'Leave and discard' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'API keys' }));

    await page.getByLabel('Key name').fill('CRM sync');
    await sidebarLink('Overview').click();
    await visible(leaveDialog().getByText('Your changes to the new key’s name are not saved.'));
    await leaveDialog().getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByLabel('Key name').inputValue()).toBe('CRM sync');
  });

  it('an endpoint being edited: a sidebar link asks, Cancel keeps the edits, Leave and discard goes and saves nothing', async () => {
    const endpoint = await seedEndpoint(hub, account.accountId, { url: 'https://crm.example.com/hooks', event_types: ['contact.created'] });
    await page.goto(`/webhooks?edit=${endpoint.id}`);
    const form = page.getByRole('form', { name: /^Edit endpoint/ });
    await form.getByRole('textbox', { name: 'Common URL' }).fill('https://crm.example.com/hooks/v2');

    await sidebarLink('Delivery log').click();
    const dialog = leaveDialog();
    await visible(dialog.getByText('Your changes to “https://crm.example.com/hooks” are not saved.'));
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await gone(dialog);
    expect(new URL(page.url()).pathname).toBe('/webhooks');
    expect(await form.getByRole('textbox', { name: 'Common URL' }).inputValue()).toBe('https://crm.example.com/hooks/v2');

    // The form's own Cancel asks too.
    await form.getByRole('button', { name: 'Cancel', exact: true }).click();
    await visible(leaveDialog());
    await leaveDialog().getByRole('button', { name: 'Cancel' }).click();
    expect(await form.getByRole('textbox', { name: 'Common URL' }).inputValue()).toBe('https://crm.example.com/hooks/v2');

    await sidebarLink('Delivery log').click();
    await leaveDialog().getByRole('button', { name: 'Leave and discard' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Delivery log' }));
    expect((await hub.sql<{ url: string }>('SELECT url FROM endpoints WHERE id = $1', [endpoint.id]))[0].url).toBe('https://crm.example.com/hooks');
  });

  it('a new endpoint with only an event checked asks; an untouched one leaves freely', async () => {
    await page.goto('/webhooks');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const form = page.getByRole('form', { name: 'New endpoint' });
    await visible(form);
    await sidebarLink('Event catalog').click();
    await visible(page.getByRole('heading', { level: 1, name: 'Event catalog' }));
    expect(await leaveDialog().count()).toBe(0);

    await page.goBack();
    await visible(form);
    await form.getByLabel('Send every event, including types added later').check();
    await sidebarLink('Event catalog').click();
    await visible(leaveDialog().getByText('Your changes to this new endpoint are not saved.'));
    await leaveDialog().getByRole('button', { name: 'Cancel' }).click();
    expect(await form.getByLabel('Send every event, including types added later').isChecked()).toBe(true);
  });

  it('a group’s add-member box and its rename form, two forms on one screen, each ask', async () => {
    const group = (await hub.request('POST', '/api/groups', { token: account.token, body: { name: 'Customers' } })).body as { id: string };
    await page.goto(`/groups?group=${group.id}`);
    await page.getByLabel('Email or phone').fill('lee@example.com');
    await sidebarLink('Contacts').click();
    await visible(leaveDialog().getByText('Your changes to the member you were adding are not saved.'));
    await leaveDialog().getByRole('button', { name: 'Leave and discard' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Contacts' }));

    await page.goto(`/groups?group=${group.id}`);
    await page.getByRole('form', { name: 'Rename group' }).getByLabel('Group name').fill('Customers 2026');
    await sidebarLink('Contacts').click();
    await visible(leaveDialog().getByText('Your changes to “Customers” are not saved.'));
    await leaveDialog().getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('form', { name: 'Rename group' }).getByLabel('Group name').inputValue()).toBe('Customers 2026');
  });

  it('closing or reloading the tab with edits asks the browser to confirm', async () => {
    await page.goto('/api-keys');
    await page.getByLabel('Key name').fill('CRM sync');
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    await page.reload({ timeout: 2_000 }).catch(() => undefined);
    expect(await asked).toBe('beforeunload');
    expect(await page.getByLabel('Key name').inputValue()).toBe('CRM sync');
  });
});
