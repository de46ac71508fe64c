import { Browser, BrowserContext, Page } from 'playwright-core';
import { Hub, startHub } from '../harness';
import { ADMIN_PASSWORD, collectPageErrors, gone, launchChromium, logIn, newAppContext, onPath, saveScreenshot, visible } from './chromium';

const ACCOUNT_NAME = 'Default account';

describe('admin app in Chromium: login and the signed-in shell', () => {
  let hub: Hub;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    hub = await startHub();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  beforeEach(async () => {
    context = await newAppContext(browser, hub.url);
    page = await context.newPage();
    pageErrors = [];
    collectPageErrors(page, pageErrors);
  });

  afterEach(async () => {
    await context?.close();
    // An uncaught exception in the app fails the test even when the page looked right.
    expect(pageErrors).toEqual([]);
  });

  const adminEmail = () => hub.config.adminEmail!;

  const sidebarLink = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

  it('sends a visitor to the login page, explains what is wrong, and logs in to the shell', async () => {
    await page.goto('/');
    await onPath(page, '/login');
    await visible(page.getByRole('heading', { name: 'Log in' }));
    await saveScreenshot(page, 'login');

    const email = page.getByLabel('Email');
    const password = page.getByLabel('Password');
    const submit = page.getByRole('button', { name: 'Log in' });

    await submit.click();
    await visible(page.getByText('Enter your email address'));
    await visible(page.getByText('Enter your password'));
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await password.getAttribute('aria-invalid')).toBe('true');

    await email.fill(adminEmail());
    await password.fill('not-the-admin-password');
    await submit.click();
    const alert = page.getByRole('alert');
    await visible(alert);
    expect((await alert.textContent())?.trim()).toBe('Invalid email or password');
    await onPath(page, '/login');

    await password.fill(ADMIN_PASSWORD);
    await submit.click();
    await onPath(page, '/');
    const banner = page.getByRole('banner');
    await visible(banner.getByText(ACCOUNT_NAME, { exact: true }));
    await visible(banner.getByText(adminEmail(), { exact: true }));
    await visible(page.getByRole('heading', { name: `Welcome to Webhook Hub, ${ACCOUNT_NAME}` }));
    expect(await sidebarLink('Overview').getAttribute('aria-current')).toBe('page');
    await saveScreenshot(page, 'overview');
  });

  it('opens the event catalog from the sidebar and shows an event’s example payload', async () => {
    await logIn(page, adminEmail());
    await sidebarLink('Event catalog').click();
    await onPath(page, '/event-types');
    await visible(page.getByRole('heading', { name: 'Event catalog', level: 1 }));

    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'contact.created', exact: true }) });
    await visible(row);
    const open = row.getByRole('button', { name: 'contact.created', exact: true });
    expect(await open.getAttribute('aria-expanded')).toBe('false');
    await open.click();

    const details = page.getByRole('region', { name: 'contact.created', exact: true });
    await visible(details);
    expect(await open.getAttribute('aria-expanded')).toBe('true');
    const example = details.getByLabel('Example payload');
    await visible(example);
    const payload = JSON.parse((await example.textContent()) ?? '');
    expect(payload).toMatchObject({ email: 'maria.gonzalez@example.com', first_name: 'María' });
    await saveScreenshot(page, 'event-catalog');
  });

  it('creates an API key, shows it once, and afterwards lists it by name only', async () => {
    await logIn(page, adminEmail());
    await sidebarLink('API keys').click();
    await onPath(page, '/api-keys');
    await visible(page.getByText('No API keys yet.'));

    await page.getByLabel('Key name').fill('CI key');
    await page.getByRole('button', { name: 'Create key' }).click();
    await visible(page.getByRole('heading', { name: 'Key “CI key” created' }));
    const key = await page.getByLabel('New API key').inputValue();
    expect(key).toMatch(/^whk_[A-Za-z0-9_-]{43}$/);
    await visible(page.getByRole('rowheader', { name: 'CI key', exact: true }));

    await page.reload();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'CI key', exact: true }) });
    await visible(row);
    await visible(row.getByText(`${key.slice(0, 12)}…`, { exact: true }));
    expect(await page.getByLabel('New API key').count()).toBe(0);
    expect(await page.content()).not.toContain(key);
    await saveScreenshot(page, 'api-keys');
  });

  it('lists the account’s contacts and filters them as the user types', async () => {
    // The suite's database is fresh, so these are the account's only contacts.
    const login = await hub.request('POST', '/api/auth/login', { body: { email: adminEmail(), password: ADMIN_PASSWORD } });
    expect(login.status).toBe(200);
    const ada = { email: 'ada.lovelace@example.com', first_name: 'Ada' };
    const grace = { email: 'grace.hopper@example.com', first_name: 'Grace' };
    for (const body of [ada, grace]) {
      const created = await hub.request('POST', '/api/contacts', { token: login.body.access_token, body });
      expect(created.status).toBe(201);
    }

    await logIn(page, adminEmail());
    await sidebarLink('Contacts').click();
    await onPath(page, '/contacts');
    const adaRow = page.getByRole('row').filter({ hasText: ada.email });
    const graceRow = page.getByRole('row').filter({ hasText: grace.email });
    await visible(adaRow);
    await visible(graceRow);
    await visible(adaRow.getByRole('rowheader', { name: 'Ada', exact: true }));
    await visible(page.getByText('Showing all 2 contacts'));

    await page.getByLabel('Search contacts').pressSequentially('grace', { delay: 40 });
    await gone(adaRow);
    await visible(graceRow);
    await visible(page.getByText('Showing all 1 contact', { exact: true }));
    await saveScreenshot(page, 'contacts');

    await page.getByLabel('Search contacts').fill('nobody-here');
    await visible(page.getByText('No contacts match “nobody-here”.'));
  });

  it('logs out to the login page, after which the app’s pages need a login again', async () => {
    await logIn(page, adminEmail());
    await page.getByRole('button', { name: 'Log out' }).click();
    await onPath(page, '/login');
    await visible(page.getByRole('heading', { name: 'Log in' }));
    expect(await page.getByRole('banner').count()).toBe(0);

    await page.goto('/contacts');
    await onPath(page, '/login');
    await visible(page.getByRole('heading', { name: 'Log in' }));
    expect(await page.getByRole('heading', { name: 'Contacts' }).count()).toBe(0);
  });
});
