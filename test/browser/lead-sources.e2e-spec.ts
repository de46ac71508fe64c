import { Browser, BrowserContext, Page } from 'playwright-core';
import { Hub, startHub } from '../harness';
import { eventually } from '../support/receiver';
import { collectPageErrors, fullPageShot, launchChromium, logIn, newAppContext, onPath, sessionToken, visible } from './chromium';

/** What the hub tells people its address is; the test itself talks to hub.url. */
const PUBLIC_URL = 'https://hub.example.com';

/**
 * The Lead sources screen driven like a person, with one signed-in page for
 * the whole suite (logins are throttled per IP): each test goes on from where
 * the previous one left the account.
 */
describe('admin app in Chromium: lead sources', () => {
  let hub: Hub;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  let googleKey = '';
  let workflowId = '';

  beforeAll(async () => {
    hub = await startHub({ env: { PUBLIC_URL } });
    browser = await launchChromium();
    context = await newAppContext(browser, hub.url, { clipboard: true });
    page = await context.newPage();
    collectPageErrors(page, pageErrors);

    await logIn(page, hub.config.adminEmail!);
    // A workflow for the Meta source to enrol its leads into.
    const token = await sessionToken(page);
    const workflow = await hub.request('POST', '/api/workflows', { token, body: { name: 'Welcome leads', active: true, steps: [] } });
    expect(workflow.status).toBe(201);
    workflowId = workflow.body.id;
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await hub?.close();
  });

  afterEach(() => {
    // An uncaught exception in the app fails the test even when the page looked right.
    expect(pageErrors).toEqual([]);
  });

  const sidebarLink = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const setup = () => page.getByRole('region', { name: /^Where to paste it/ });
  const clipboard = () => page.evaluate(() => (globalThis as any).navigator.clipboard.readText() as Promise<string>);

  it('creates a Google source with a generated key, shown once with Copy beside the webhook URL', async () => {
    await sidebarLink('Lead sources').click();
    await onPath(page, '/lead-sources');
    await visible(page.getByText('No lead sources yet.'));

    await page.getByRole('button', { name: /^Add Google Ads lead forms/ }).click();
    await visible(page.getByRole('heading', { name: 'New Google Ads lead forms source' }));
    // Submitting empty names what is missing, next to each input.
    await page.getByRole('button', { name: 'Create source' }).click();
    await visible(page.getByText('Give the source a name'));
    await visible(page.getByText('Enter the key', { exact: true }));
    expect(await page.getByLabel('Key', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Name', { exact: true }).fill('Google demo requests');
    await page.getByRole('button', { name: 'Generate key' }).click();
    googleKey = await page.getByRole('textbox', { name: 'Generated key' }).inputValue();
    expect(googleKey).toMatch(/^gk_[0-9a-f]{32}$/);
    expect(await page.getByLabel('Key', { exact: true }).inputValue()).toBe(googleKey);
    await visible(page.getByText(/The hub stores only a hash of it/));
    await page.getByRole('button', { name: 'Create source' }).click();

    await visible(page.getByText('Source “Google demo requests” created.', { exact: false }));
    const url = setup().getByRole('textbox', { name: 'Webhook URL' });
    expect(await url.inputValue()).toBe(`${PUBLIC_URL}/api/webhook/google-ads-lead`);
    expect(await setup().getByRole('textbox', { name: 'Key', exact: true }).inputValue()).toBe(googleKey);
    await visible(setup().getByText('Shown this once.'));
    await visible(setup().getByText(/Webhook integration/));
    await setup().getByRole('button', { name: 'Copy webhook URL' }).click();
    await visible(setup().getByText('Copied to the clipboard.'));
    expect(await clipboard()).toBe(`${PUBLIC_URL}/api/webhook/google-ads-lead`);
    // The stored key is write-only: the form shows it as set, with a way to replace it.
    await visible(page.getByRole('button', { name: 'Replace key' }));

    // The key the page generated is the one the hub stored: Google's request with it is accepted.
    const google = await hub.request('POST', '/api/webhook/google-ads-lead', {
      body: { lead_id: 'g-1', api_version: '1.0', form_id: 1, google_key: googleKey, is_test: false, user_column_data: [{ column_id: 'EMAIL', string_value: 'ana@example.com' }] },
    });
    expect(google.status).toBe(200);
  });

  it('sends a test lead, shows it captured with a link to its contact, and lists it under recent leads', async () => {
    await page.getByRole('button', { name: 'Send a test lead' }).click();
    const result = page.getByRole('region', { name: 'Test lead result' });
    await visible(result);
    await visible(result.getByText('Captured', { exact: true }));
    await visible(result.getByText('the lead became a contact', { exact: false }));

    const row = page.getByRole('row').filter({ has: page.getByText('Test', { exact: true }) });
    await visible(row.getByText('Captured', { exact: true }));
    await visible(row.getByText(/test-lead-[0-9a-f]+@example\.com/));
    // Google's own lead (sent with the generated key) is listed too once the worker captured it.
    await visible(page.getByRole('row').filter({ hasText: 'ana@example.com' }).getByText('Captured', { exact: true }));
    await fullPageShot(page, 'lead-source-detail');

    await result.getByRole('link', { name: 'Open the contact' }).click();
    await onPath(page, '/contacts');
    await visible(page.getByRole('heading', { name: 'Test Lead' }));
    const [lead] = await hub.sql<{ contact_id: string }>("SELECT contact_id FROM leads WHERE is_test AND lead_id LIKE 'test-%'");
    expect(new URL(page.url()).searchParams.get('contact')).toBe(lead.contact_id);
  });

  it('shows a 400 from the API beside its field, then creates a Meta source with a generated verify token', async () => {
    await sidebarLink('Lead sources').click();
    await onPath(page, '/lead-sources');
    await page.getByRole('button', { name: /^Add Meta lead ads/ }).click();
    await page.getByLabel('Name', { exact: true }).fill('Spring campaign page');
    // Only the API knows a page id must be numeric: its 400 names page_id, and the page puts it beside that input.
    await page.getByLabel('Page id').fill('spring-page');
    await page.getByRole('button', { name: 'Generate verify token' }).click();
    const verifyToken = await page.getByRole('textbox', { name: 'Generated verify token' }).inputValue();
    expect(verifyToken).toMatch(/^vt_[0-9a-f]{32}$/);
    await page.getByLabel('App secret').fill('meta-app-secret-123');
    await page.getByLabel('Page access token').fill('EAAGm0PX4ZCpsBAKZC1ZBq8example');
    await page.getByRole('checkbox', { name: /Use the defaults/ }).uncheck();
    await page.getByLabel('Form field 1', { exact: true }).fill('email');
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByLabel('Form field 2', { exact: true }).fill('preferred_city');
    await page.getByLabel('Fills 2').selectOption('custom');
    await page.getByLabel('Custom field 2', { exact: true }).fill('city');
    await page.getByLabel('Enrol into workflow').selectOption({ label: 'Welcome leads' });
    await page.getByRole('button', { name: 'Create source' }).click();

    await visible(page.getByText('Nothing was saved: fix the fields marked below.'));
    const pageIdError = page.locator('#source-page-id-error');
    await visible(pageIdError);
    expect(await pageIdError.textContent()).toBe('page_id must be the numeric id of a Facebook page');
    expect(await page.getByLabel('Page id').getAttribute('aria-invalid')).toBe('true');
    expect(await hub.sql("SELECT id FROM lead_sources WHERE provider = 'meta'")).toEqual([]);

    await page.getByLabel('Page id').fill('104857600123456');
    await page.getByRole('button', { name: 'Create source' }).click();
    await visible(page.getByText('Source “Spring campaign page” created.', { exact: false }));
    expect(await setup().getByRole('textbox', { name: 'Webhook URL' }).inputValue()).toBe(`${PUBLIC_URL}/api/webhook/meta-lead-ads`);
    expect(await setup().getByRole('textbox', { name: 'Verify token' }).inputValue()).toBe(verifyToken);
    await setup().getByRole('button', { name: 'Copy verify token' }).click();
    expect(await eventually(async () => ((await clipboard()) === verifyToken ? true : undefined))).toBe(true);
    const [source] = await hub.sql<{ field_mapping: Record<string, string>; workflow_id: string }>("SELECT field_mapping, workflow_id FROM lead_sources WHERE provider = 'meta'");
    expect(source).toEqual({ field_mapping: { email: 'email', preferred_city: 'city' }, workflow_id: workflowId });

    // Meta's handshake answers with the token the page generated: the hub stored (the hash of) that one.
    const handshake = await hub.request('GET', `/api/webhook/meta-lead-ads?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=42`);
    expect(handshake).toMatchObject({ status: 200, text: '42' });

    await page.getByRole('button', { name: 'Send a test lead' }).click();
    await visible(page.getByRole('region', { name: 'Test lead result' }).getByText('Captured', { exact: true }));
    // The captured test lead was enrolled into the chosen workflow.
    const [lead] = await hub.sql<{ contact_id: string }>("SELECT l.contact_id FROM leads l JOIN lead_sources s ON s.id = l.lead_source_id WHERE s.provider = 'meta'");
    expect(await hub.sql('SELECT id FROM workflow_runs WHERE workflow_id = $1 AND contact_id = $2', [workflowId, lead.contact_id])).toHaveLength(1);
  });

  it('lists both sources with their provider, last lead and last error; retries failed leads after saying how many', async () => {
    // A lead with neither email nor phone cannot become a contact: it fails at once, and the source shows why.
    const noContact = await hub.request('POST', '/api/webhook/google-ads-lead', {
      body: { lead_id: 'g-2', api_version: '1.0', form_id: 1, google_key: googleKey, is_test: false, user_column_data: [{ column_id: 'CITY', string_value: 'Madrid' }] },
    });
    expect(noContact.status).toBe(200);
    await eventually(async () => (await hub.sql("SELECT id FROM leads WHERE lead_id = 'g-2' AND status = 'failed'")).length > 0);
    const [{ last_error: lastError }] = await hub.sql<{ last_error: string }>("SELECT last_error FROM leads WHERE lead_id = 'g-2'");

    await page.getByRole('button', { name: '← Back to lead sources' }).click();
    const google = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Google demo requests' }) });
    const meta = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Spring campaign page' }) });
    await visible(google.getByText('Google Ads lead forms'));
    await visible(meta.getByText('Meta lead ads'));
    await visible(meta.getByText('Page 104857600123456'));
    expect(await google.getByText('Never').count()).toBe(0);
    expect(await meta.getByText('Never').count()).toBe(0);
    await visible(google.getByText('Last lead failed'));
    await visible(google.getByText(lastError));
    await fullPageShot(page, 'lead-sources');

    await google.getByRole('button', { name: 'Open Google demo requests' }).click();
    const failedRow = page.getByRole('row').filter({ hasText: 'g-2' });
    await visible(failedRow.getByText('Failed', { exact: true }));
    await visible(failedRow.getByText(lastError));
    await page.getByRole('button', { name: 'Retry failed leads' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retry 1 failed lead?' });
    await visible(dialog);
    await dialog.getByRole('button', { name: 'Retry failed leads' }).click();
    await visible(page.getByText('1 failed lead put back in line', { exact: false }));
    await page.getByRole('button', { name: '← Back to lead sources' }).click();

    await meta.getByRole('button', { name: 'Delete Spring campaign page' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete source' }).click();
    await visible(page.getByText('Lead source “Spring campaign page” deleted.'));
    expect(await hub.sql("SELECT id FROM lead_sources WHERE provider = 'meta'")).toEqual([]);
  });

  it('edits a source keeping its stored key, and refuses a key already in use beside the Key field', async () => {
    const [before] = await hub.sql<{ google_key_hash: string }>("SELECT google_key_hash FROM lead_sources WHERE provider = 'google'");
    await page.getByRole('button', { name: 'Open Google demo requests' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Google Ads — demo requests');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(page.getByText('Changes to “Google Ads — demo requests” saved.'));
    // The key was left as "set": the PATCH did not send it, and the stored hash is the same.
    const [after] = await hub.sql<{ name: string; google_key_hash: string }>("SELECT name, google_key_hash FROM lead_sources WHERE provider = 'google'");
    expect(after).toEqual({ name: 'Google Ads — demo requests', google_key_hash: before.google_key_hash });

    await page.getByRole('button', { name: '← Back to lead sources' }).click();
    await page.getByRole('button', { name: /^Add Google Ads lead forms/ }).click();
    await page.getByLabel('Name', { exact: true }).fill('Second form');
    await page.getByLabel('Key', { exact: true }).fill(googleKey);
    await page.getByRole('button', { name: 'Create source' }).click();
    await visible(page.locator('#source-google-key-error').getByText('google_key is already in use; generate another'));
    expect(await page.getByLabel('Key', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await hub.sql("SELECT id FROM lead_sources WHERE name = 'Second form'")).toEqual([]);
  });
});
