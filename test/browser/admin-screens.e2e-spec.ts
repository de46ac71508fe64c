import { Browser, BrowserContext, Page } from 'playwright-core';
import { Hub, startHub } from '../harness';
import { eventually } from '../support/receiver';
import { SmtpSink } from '../support/smtp-sink';
import { collectPageErrors, fullPageShot, gone, launchChromium, logIn, newAppContext, onPath, visible } from './chromium';

/** What the hub tells people its address is; the test itself talks to hub.url. */
const PUBLIC_URL = 'https://hub.example.com';

/**
 * The admin screens beyond webhooks, driven like a person with one signed-in
 * page for the whole suite (logins are throttled per IP): each test goes on
 * from where the previous one left the account.
 */
describe('admin app in Chromium: channels, groups, workflows, inbound log, messages, contacts', () => {
  let hub: Hub;
  let smtp: SmtpSink;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  /** The trigger URL as the page showed it before and after the rotation. */
  let firstTriggerUrl = '';
  let triggerUrl = '';

  /** Calls a trigger URL the page showed (its public address) on the hub under test. */
  const callTrigger = async (url: string, body: Record<string, unknown>) => {
    const response = await fetch(hub.url + new URL(url).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    hub = await startHub({ env: { PUBLIC_URL, WEBHOOK_SWEEP_INTERVAL_MS: '500' } });
    browser = await launchChromium();
    context = await newAppContext(browser, hub.url, { clipboard: true });
    page = await context.newPage();
    collectPageErrors(page, pageErrors);

    await logIn(page, hub.config.adminEmail!);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await hub?.close();
    await smtp?.stop();
  });

  afterEach(() => {
    // An uncaught exception in the app fails the test even when the page looked right.
    expect(pageErrors).toEqual([]);
  });

  const sidebarLink = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const step = (n: number, type: string) => page.getByRole('group', { name: `Step ${n}: ${type}`, exact: true });

  it('creates an email channel and shows its webhook URL with where to paste it', async () => {
    await sidebarLink('Channels').click();
    await onPath(page, '/channels');
    await visible(page.getByText('No channels yet.'));

    await page.getByRole('button', { name: /^Add email channel/ }).click();
    await visible(page.getByRole('heading', { name: 'New email channel' }));
    // Submitting empty names what is missing, next to each input.
    await page.getByRole('button', { name: 'Create channel' }).click();
    await visible(page.getByText('Give the channel a name'));
    expect(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Name', { exact: true }).fill('Transactional mail');
    await page.getByLabel('From address').fill('hello@example.com');
    await page.getByLabel('SMTP host').fill('127.0.0.1');
    await page.getByLabel('Port', { exact: true }).fill(String(smtp.port));
    await page.getByLabel('Password', { exact: true }).fill('smtp-secret');
    await page.getByLabel('Email provider').selectOption('mailgun');
    await page.getByLabel('Webhook signing key').fill('mailgun-signing-key');
    await page.getByRole('button', { name: 'Create channel' }).click();

    await visible(page.getByText('Channel “Transactional mail” created.', { exact: false }));
    const panel = page.getByRole('region', { name: 'Delivery webhooks from Mailgun' });
    await visible(panel);
    const webhookUrl = await panel.getByRole('textbox', { name: 'Webhook URL' }).inputValue();
    const [channel] = await hub.sql<{ id: string }>("SELECT id FROM channels WHERE type = 'email'");
    expect(webhookUrl).toBe(`${PUBLIC_URL}/api/webhook/email/mailgun/${channel.id}`);
    // The key is stored, so nothing is missing: the steps start folded.
    expect(await panel.getByText(/^No signing key yet/).count()).toBe(0);
    await panel.getByText('Step by step in Mailgun').click();
    await visible(panel.getByText(/HTTP webhook signing key/));
    // Secrets are write-only: the form says one is stored, and never shows it.
    await visible(page.getByText('A password is stored. Write-only: it is never shown again.'));
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    await visible(page.getByText('A key is stored. Write-only: it is never shown again.'));

    await page.getByRole('button', { name: '← Back to channels' }).click();
    await page.getByRole('button', { name: /^Add WhatsApp channel/ }).click();
    await page.getByLabel('Name', { exact: true }).fill('Support WhatsApp');
    await page.getByRole('button', { name: 'Create channel' }).click();
    await visible(page.getByRole('region', { name: 'WhatsApp session' }));
    expect(await page.getByRole('textbox', { name: 'Session id' }).inputValue()).toMatch(/^wa_/);

    await page.getByRole('button', { name: '← Back to channels' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Transactional mail' }) });
    await visible(row.getByText(webhookUrl));
    await visible(page.getByRole('row').filter({ hasText: 'Support WhatsApp' }).getByText('Disconnected'));
    await fullPageShot(page, 'channels');
  });

  it('creates a group and adds a member by email', async () => {
    await sidebarLink('Groups').click();
    await onPath(page, '/groups');
    await visible(page.getByText('No groups yet.'));
    await page.getByLabel('Group name').fill('Newsletter');
    await page.getByLabel('Description').fill('Product news, first Monday of the month');
    await page.getByRole('button', { name: 'Create group' }).click();

    await visible(page.getByRole('heading', { name: /^Newsletter/ }));
    await visible(page.getByText('No members yet.'));
    await page.getByRole('button', { name: 'Add member' }).click();
    await visible(page.getByText('Enter an email address or a phone number'));
    await page.getByLabel('Email or phone').fill('ann@example.com');
    await page.getByRole('button', { name: 'Add member' }).click();
    const member = page.getByRole('row').filter({ hasText: 'ann@example.com' });
    await visible(member.getByText('Subscribed', { exact: true }));
    await visible(page.getByRole('heading', { name: /^Newsletter/ }).getByText('1 subscribed'));
    // The field is cleared once the add settles, which may be a render after the row appears.
    await eventually(async () => (await page.getByLabel('Email or phone').inputValue()) === '', 5_000);
    await fullPageShot(page, 'groups');
  });

  it('builds a workflow step by step, places the API’s step errors, and copies its trigger URL', async () => {
    await sidebarLink('Workflows').click();
    await onPath(page, '/workflows');
    await visible(page.getByText('No workflows yet.'));
    await page.getByRole('button', { name: 'New workflow' }).click();
    await visible(page.getByRole('heading', { name: 'New workflow' }));

    // Nothing filled in: the form says what is missing before calling the API.
    await page.getByRole('button', { name: 'Create workflow' }).click();
    await visible(page.getByText('Give the workflow a name'));

    await page.getByLabel('Name', { exact: true }).fill('Welcome series');
    await page.getByLabel('Description').fill('New sign-ups from the landing page');
    await page.getByRole('button', { name: 'Add Wait step' }).click();
    await page.getByRole('button', { name: 'Add Send email step' }).click();
    await page.getByRole('button', { name: 'Add Update contact step' }).click();

    // Reorder: the email goes first, the wait last.
    await page.getByRole('button', { name: 'Move step 2 up' }).click();
    await visible(step(1, 'Send email'));
    await page.getByRole('button', { name: 'Move step 2 down' }).click();
    await visible(step(2, 'Update contact'));
    await visible(step(3, 'Wait'));

    const email = step(1, 'Send email');
    await email.getByLabel('Email channel').selectOption({ label: 'Transactional mail (hello@example.com)' });
    await email.getByLabel('Subject').fill('Welcome, {{ first_name }}!');
    await email.getByLabel('Body (HTML)').fill('<p>Hi {{ first_name }}, you are on {{ plan }}.</p><p><a href="{{ link_unsubscribe }}">Unsubscribe</a></p>');
    // A template the API cannot parse: its 400 names steps[1].fields.first_name.
    await step(2, 'Update contact').getByLabel('First name').fill('{{ first_name | capitalize');
    await step(2, 'Update contact').getByRole('button', { name: 'Add custom field' }).click();
    await step(2, 'Update contact').getByLabel('Field 1 name').fill('stage');
    await step(2, 'Update contact').getByLabel('Field 1 value').fill('welcomed');
    const wait = step(3, 'Wait');
    await wait.getByLabel('Wait for').fill('2');
    await wait.getByLabel('Unit').selectOption('hours');
    await visible(wait.getByText('Wait · 2 hours'));
    await visible(page.getByRole('complementary', { name: 'Placeholders' }).getByText('{{ link_unsubscribe }}'));
    await fullPageShot(page, 'workflow-editor');

    await page.getByRole('button', { name: 'Create workflow' }).click();
    await visible(page.getByText('Nothing was saved: fix the fields marked below.'));
    const firstName = step(2, 'Update contact').getByLabel('First name');
    await visible(step(2, 'Update contact').getByText(/^First name is not a valid template/));
    expect(await firstName.getAttribute('aria-invalid')).toBe('true');
    await firstName.fill('{{ first_name | capitalize }}');
    await page.getByRole('button', { name: 'Create workflow' }).click();

    await visible(page.getByText('Workflow “Welcome series” created.', { exact: false }));
    await visible(page.getByRole('heading', { name: /^Welcome series/ }).getByText('Active'));
    const [stored] = await hub.sql<{ steps: unknown }>('SELECT steps FROM workflows');
    expect(stored.steps).toEqual([
      { type: 'send_email', channel_id: expect.any(String), subject: 'Welcome, {{ first_name }}!', body: expect.stringContaining('{{ link_unsubscribe }}') },
      { type: 'update_contact', fields: { first_name: '{{ first_name | capitalize }}', custom_fields: { stage: 'welcomed' } } },
      { type: 'wait', seconds: 7200 },
    ]);

    const urlField = page.getByRole('textbox', { name: 'Trigger URL' });
    firstTriggerUrl = await urlField.inputValue();
    expect(firstTriggerUrl).toMatch(new RegExp(`^${PUBLIC_URL}/api/automation/webhook/[A-Za-z0-9_-]{32,}$`));
    await page.getByRole('button', { name: 'Copy trigger URL' }).click();
    await visible(page.getByText('Copied to the clipboard.'));
    const copied = await page.evaluate(() => (globalThis as any).navigator.clipboard.readText() as Promise<string>);
    expect(copied).toBe(firstTriggerUrl);
    triggerUrl = copied;

    await page.getByText('How to call it').click();
    expect(await page.getByLabel('Example call with curl').textContent()).toContain(`curl -X POST '${copied}'`);
  });

  it('shows the run a call to the trigger URL starts, with its variables and step states', async () => {
    const res = await callTrigger(triggerUrl, { email: 'maria@example.com', first_name: 'maría', plan: 'pro' });
    expect(res).toEqual({
      status: 200,
      body: { success: true, message: 'Webhook processed', workflows_triggered: 1, contacts_enrolled: 1 },
    });
    await smtp.waitFor(1);
    expect(smtp.mails[0].to).toEqual(['maria@example.com']);

    await page.getByRole('tab', { name: 'Runs' }).click();
    const run = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /maria@example\.com/ }) });
    await visible(run);
    // The runs list refreshes by itself: the run reaches its wait.
    await visible(run.getByRole('heading').getByText('Waiting'), 30_000);
    const rows = run.getByRole('row');
    await visible(rows.filter({ hasText: 'Send email' }).getByText('Completed'));
    await visible(rows.filter({ hasText: 'Send email' }).getByRole('link', { name: 'Open message' }));
    await visible(rows.filter({ hasText: 'Update contact' }).getByText('Completed'));
    await visible(rows.filter({ hasText: 'Wait' }).getByText('Running'));
    await visible(run.getByText(/resumes/));
    await run.getByText('Variables (', { exact: false }).click();
    const variables = JSON.parse((await run.getByLabel('Run variables').textContent()) ?? '{}');
    expect(variables).toMatchObject({ email: 'maria@example.com', plan: 'pro' });
    await fullPageShot(page, 'workflow-runs');

    // The editor now offers the payload keys it saw.
    await page.getByRole('tab', { name: /^Steps/ }).click();
    await visible(page.getByRole('list', { name: 'Keys seen in recent runs' }).getByText('{{ plan }}'));
  });

  it('rotates the trigger URL after a warning: the old one answers 404, the new one 200', async () => {
    await page.getByRole('button', { name: 'Rotate URL' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rotate the trigger URL?' });
    await visible(dialog);
    await visible(dialog.getByText('The current URL stops working at once.'));
    await dialog.getByRole('button', { name: 'Rotate URL' }).click();
    await gone(dialog);
    await visible(page.getByText(/New trigger URL issued\. The old one now answers 404/));

    const urlField = page.getByRole('textbox', { name: 'Trigger URL' });
    triggerUrl = await urlField.inputValue();
    expect(triggerUrl).not.toBe(firstTriggerUrl);
    expect(triggerUrl).toMatch(new RegExp(`^${PUBLIC_URL}/api/automation/webhook/`));

    expect((await callTrigger(firstTriggerUrl, { email: 'late@example.com' })).status).toBe(404);
    const fresh = await callTrigger(triggerUrl, { email: 'lee@example.com', first_name: 'Lee', plan: 'team' });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ workflows_triggered: 1, contacts_enrolled: 1 });

    // An unsaved edit survives a look at the runs, and leaving asks first.
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('Welcome series (draft)');
    await page.getByRole('tab', { name: 'Runs' }).click();
    await visible(page.getByRole('heading', { name: /lee@example\.com/ }));
    await page.getByRole('tab', { name: /^Steps/ }).click();
    expect(await name.inputValue()).toBe('Welcome series (draft)');
    await page.getByRole('button', { name: '← Back to workflows' }).click();
    const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
    await visible(leave);
    await leave.getByRole('button', { name: 'Cancel' }).click();
    await gone(leave);
    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await name.inputValue()).toBe('Welcome series');

    await page.getByRole('button', { name: '← Back to workflows' }).click();
    const listed = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Welcome series' }) });
    await visible(listed.getByText('3 steps'));
    await visible(listed.getByText(triggerUrl));
    await fullPageShot(page, 'workflows');
  });

  it('lists the trigger requests in the inbound log, opens one and replays it', async () => {
    await sidebarLink('Inbound log').click();
    await onPath(page, '/inbound-logs');
    const newPath = new URL(triggerUrl).pathname;
    const accepted = page.getByRole('row').filter({ has: page.getByRole('button', { name: new RegExp(`^Open POST ${newPath}`) }) });
    await visible(accepted);
    await visible(accepted.getByText('Accepted'));
    await visible(accepted.getByText('HTTP 200'));
    const firstPath = new URL(firstTriggerUrl).pathname;
    await visible(page.getByRole('row').filter({ has: page.getByRole('button', { name: new RegExp(`^Open POST ${firstPath}`) }) }).first());
    await fullPageShot(page, 'inbound-log');

    await page.getByLabel('Outcome').selectOption('rejected');
    await visible(page.getByText('No requests match these filters.'));
    expect(new URL(page.url()).searchParams.get('status')).toBe('rejected');
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await accepted.getByRole('button', { name: new RegExp(`^Open POST ${newPath}`) }).click();
    await visible(page.getByRole('heading', { name: new RegExp(`POST ${newPath}`) }));
    const payload = JSON.parse((await page.getByLabel('Request payload').textContent()) ?? '');
    expect(payload).toEqual({ email: 'lee@example.com', first_name: 'Lee', plan: 'team' });
    expect(await page.getByLabel('Request payload').textContent()).toContain('\n  "plan": "team"');
    await visible(page.getByRole('table', { name: 'Request headers' }).getByText('content-type'));

    // Replay asks first, naming the route and what a replay does; Cancel sends nothing.
    const logsBefore = await hub.sql<{ n: string }>('SELECT count(*)::text AS n FROM inbound_logs');
    await page.getByRole('button', { name: 'Replay', exact: true }).click();
    let confirm = page.getByRole('dialog', { name: 'Replay this request?' });
    await visible(confirm.getByText(`POST ${newPath}`));
    await visible(confirm.getByText('(Automation trigger)', { exact: false }));
    await visible(confirm.getByText('The workflow behind this trigger URL runs again', { exact: false }));
    await fullPageShot(page, 'inbound-log-replay-confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await gone(confirm);
    expect(await hub.sql<{ n: string }>('SELECT count(*)::text AS n FROM inbound_logs')).toEqual(logsBefore);
    expect(await page.getByRole('region', { name: 'Replay result' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Replay', exact: true }).click();
    confirm = page.getByRole('dialog', { name: 'Replay this request?' });
    await confirm.getByRole('button', { name: 'Replay', exact: true }).click();
    const result = page.getByRole('region', { name: 'Replay result' });
    await visible(result.getByText('HTTP 200'));
    expect(JSON.parse((await result.getByLabel('Replay answer body').textContent()) ?? '')).toMatchObject({ success: true, workflows_triggered: 1 });
    await result.getByRole('link', { name: 'Open the new entry' }).click();
    await visible(page.getByRole('link', { name: 'The original request' }));
    const runs = await hub.sql<{ n: string }>('SELECT count(*)::text AS n FROM workflow_runs');
    expect(runs[0].n).toBe('3');
  });

  it('lists messages, sends a test message through the Send API and shows its status history', async () => {
    await sidebarLink('Messages').click();
    await onPath(page, '/messages');
    await visible(page.getByRole('button', { name: 'Open message to maria@example.com' }));

    await page.getByRole('button', { name: 'Write one' }).click();
    const form = page.getByRole('form', { name: 'Send a test message' });
    await form.getByLabel('Channel').selectOption({ label: 'Transactional mail (email)' });
    await form.getByLabel('To').fill('test@example.com');
    await form.getByLabel('Subject').fill('Channel check');
    await form.getByRole('button', { name: 'Send message' }).click();
    await visible(form.getByText('Queued for sending.'));
    await eventually(async () => smtp.mails.find((mail) => mail.to.includes('test@example.com')));

    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Open message to test@example.com' }) });
    await visible(row.getByText('Sent', { exact: true }));
    await fullPageShot(page, 'messages');

    await form.getByRole('link', { name: 'Open the message' }).click();
    await visible(page.getByRole('heading', { name: /^Channel check/ }));
    const history = page.getByRole('region', { name: 'Status history' });
    await visible(history.getByText('Queued'));
    await visible(history.getByText('Sent'));
    expect(await page.getByLabel('Message body').textContent()).toContain('This is a test message.');
  });

  it('edits a contact: status, source, custom fields; and manages the statuses', async () => {
    await sidebarLink('Contacts').click();
    await onPath(page, '/contacts');
    await page.getByRole('button', { name: 'Statuses and sources' }).click();
    await page.getByLabel('New status').fill('Qualified');
    await page.getByRole('button', { name: 'Add status' }).click();
    await visible(page.getByRole('listitem').filter({ hasText: 'Qualified' }));
    await page.getByLabel('New source').fill('Landing page');
    await page.getByRole('button', { name: 'Add source' }).click();
    await visible(page.getByRole('listitem').filter({ hasText: 'Landing page' }));
    await page.getByRole('button', { name: '← Back to contacts' }).click();

    await page.getByRole('button', { name: 'María' }).click();
    await visible(page.getByRole('heading', { name: 'María' }));
    expect(await page.getByLabel('Field 1 name').inputValue()).toBe('plan');
    expect(await page.getByLabel('Field 1 value').inputValue()).toBe('pro');
    await page.getByLabel('Status').selectOption({ label: 'Qualified' });
    await page.getByLabel('Source').selectOption({ label: 'Landing page' });
    await page.getByLabel('Last name').fill('González');
    await page.getByRole('button', { name: 'Add custom field' }).click();
    const n = await page.getByRole('button', { name: /^Remove field/ }).count();
    await page.getByLabel(`Field ${n} name`).fill('seats');
    await page.getByLabel(`Field ${n} value`).fill('12');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(page.getByText('Changes saved.'));
    await visible(page.getByRole('heading', { name: 'María González' }));

    const [contact] = await hub.sql<{ last_name: string; custom_fields: Record<string, unknown>; status: string; source: string }>(
      `SELECT c.last_name, c.custom_fields, s.name AS status, o.name AS source FROM contacts c
       JOIN contact_statuses s ON s.id = c.status_id JOIN contact_sources o ON o.id = c.source_id WHERE c.email = 'maria@example.com'`,
    );
    expect(contact).toMatchObject({ last_name: 'González', status: 'Qualified', source: 'Landing page' });
    expect(contact.custom_fields).toMatchObject({ plan: 'pro', seats: '12' });
    await fullPageShot(page, 'contact-detail');
  });
});
