import { Browser, BrowserContext, Page } from 'playwright-core';
import { Hub, startHub } from '../harness';
import { SendgridSigner } from '../support/esp-signers';
import { eventually } from '../support/receiver';
import { SmtpSink } from '../support/smtp-sink';
import { collectPageErrors, fullPageShot, launchChromium, logIn, newAppContext, onPath, sessionToken, visible, WAIT_MS } from './chromium';

/** What the hub tells people its address is; the test itself talks to hub.url. */
const PUBLIC_URL = 'https://hub.example.com';
/** The id SendGrid's relay gives the message ("250 Ok: queued as <id>"), which its events carry in sg_message_id. */
const SENDGRID_ID = 'W86EgYT6SQKk0lRflfLRsA';

/**
 * An email channel's delivery webhooks as a person sets them up: the SendGrid
 * channel's page gives the URL and the steps, then lists the requests SendGrid
 * (and a forger) sent to it with their verification result; a message's page
 * lists what SendGrid reported about it, in the order it happened.
 */
describe('admin app in Chromium: email delivery webhooks', () => {
  let hub: Hub;
  let smtp: SmtpSink;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const sendgrid = new SendgridSigner();
  let token = '';
  let channelId = '';
  let webhookPath = '';

  /** A request to the webhook URL, as SendGrid (or someone pretending) sends it. */
  const postToWebhook = (signed: { raw: string; headers: Record<string, string> }) => hub.request('POST', webhookPath, { raw: signed.raw, headers: signed.headers });

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    smtp.answer = () => ({ accept: true, reply: `Ok: queued as ${SENDGRID_ID}` });
    hub = await startHub({ env: { PUBLIC_URL } });
    browser = await launchChromium();
    context = await newAppContext(browser, hub.url, { clipboard: true });
    page = await context.newPage();
    collectPageErrors(page, pageErrors);

    await logIn(page, hub.config.adminEmail!);
    token = await sessionToken(page);
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
  const panel = () => page.getByRole('region', { name: 'Delivery webhooks from SendGrid' });
  const requests = () => page.getByRole('region', { name: 'Recent webhook requests' });
  const clipboard = () => page.evaluate(() => (globalThis as any).navigator.clipboard.readText() as Promise<string>);

  it('creates a SendGrid channel and shows its webhook URL with Copy, the steps, and the missing verification key', async () => {
    await sidebarLink('Channels').click();
    await onPath(page, '/channels');
    await page.getByRole('button', { name: /^Add email channel/ }).click();
    await page.getByLabel('Name', { exact: true }).fill('Shop mail');
    await page.getByLabel('From address').fill('hello@shop.example.com');
    await page.getByLabel('SMTP host').fill('127.0.0.1');
    await page.getByLabel('Port', { exact: true }).fill(String(smtp.port));
    await page.getByLabel('Email provider').selectOption('sendgrid');
    await page.getByRole('button', { name: 'Create channel' }).click();

    await visible(page.getByText('Channel “Shop mail” created.', { exact: false }));
    [{ id: channelId }] = await hub.sql<{ id: string }>("SELECT id FROM channels WHERE name = 'Shop mail'");
    webhookPath = `/api/webhook/email/sendgrid/${channelId}`;
    expect(await panel().getByRole('textbox', { name: 'Webhook URL' }).inputValue()).toBe(PUBLIC_URL + webhookPath);
    await panel().getByRole('button', { name: 'Copy webhook URL' }).click();
    await visible(panel().getByText('Copied to the clipboard.'));
    expect(await clipboard()).toBe(PUBLIC_URL + webhookPath);

    // Without a verification key SendGrid's requests are refused: the panel says so and opens the steps.
    await visible(panel().getByText(/^No verification key yet: SendGrid’s webhooks will be refused \(401\)/));
    const steps = panel().getByRole('listitem');
    expect(await steps.count()).toBe(4);
    await visible(steps.nth(0).getByText('Event Webhook'));
    await visible(steps.nth(2).getByText('Signed Event Webhook'));
    await visible(requests().getByText('No webhook requests yet.'));

    await page.getByLabel('Verification key').fill(sendgrid.publicKey);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(page.getByText('Changes to “Shop mail” saved.'));
    await panel().getByText(/^No verification key yet/).waitFor({ state: 'detached', timeout: WAIT_MS });
  });

  it('lists a signed SendGrid batch as passed and a forged one as failed with the reason, newest first', async () => {
    const now = Math.floor(Date.now() / 1000);
    const signed = await postToWebhook(sendgrid.sign([{ email: 'someone@example.com', timestamp: now, event: 'delivered', sg_event_id: 'sg-unknown-1', sg_message_id: 'UNKNOWN.filter0' }]));
    expect(signed.status).toBe(200);
    const forged = await postToWebhook(new SendgridSigner().sign([{ email: 'victim@example.com', timestamp: now, event: 'spamreport', sg_event_id: 'sg-forged-1' }]));
    expect(forged.status).toBe(401);

    const rows = requests().getByRole('row');
    await eventually(async () => (await rows.count()) === 3, WAIT_MS);
    const [newest, older] = [rows.nth(1), rows.nth(2)];
    await visible(newest.getByText('Rejected', { exact: true }));
    await visible(newest.getByText('Failed', { exact: true }));
    await visible(newest.getByText('SendGrid signature does not match the channel\'s verification key'));
    await visible(newest.getByText('HTTP 401'));
    await visible(older.getByText('Accepted', { exact: true }));
    await visible(older.getByText('Passed', { exact: true }));
    await visible(older.getByText('HTTP 200'));
    // With the key saved nothing is missing, so the steps start folded; a click unfolds them.
    await panel().getByText('Step by step in SendGrid').click();
    await visible(panel().getByText('Test Your Integration'));
    await fullPageShot(page, 'email-channel-webhooks');

    // A row opens the stored request in the inbound log.
    await older.getByRole('link', { name: /^Open the request received/ }).click();
    await onPath(page, '/inbound-logs');
    const [logged] = await hub.sql<{ id: string }>("SELECT id FROM inbound_logs WHERE status_code = 200 AND url LIKE '%' || $1", [channelId]);
    expect(new URL(page.url()).searchParams.get('log')).toBe(logged.id);
  });

  it('shows the provider events of a message sent through the channel, oldest first', async () => {
    const sent = await hub.request('POST', '/api/email/send', { token, body: { channel_id: channelId, to: 'bob@example.com', subject: 'Your order', body: 'It ships today.' } });
    expect(sent.status).toBe(202);
    const messageId = sent.body.message_id as string;
    await eventually(async () => (await hub.sql<{ provider_message_id: string | null }>('SELECT provider_message_id FROM messages WHERE id = $1', [messageId]))[0].provider_message_id === SENDGRID_ID);

    await sidebarLink('Messages').click();
    await onPath(page, '/messages');
    await page.getByRole('button', { name: 'Open message to bob@example.com' }).click();
    await visible(page.getByRole('heading', { name: /^Your order/ }));
    const events = page.getByRole('region', { name: 'Provider events' });
    await visible(events.getByText('No events from the provider yet.'));

    // SendGrid batches events out of order; the page lists them as they happened.
    const sgId = `${SENDGRID_ID}.filter0425p1las1-13233-5E4F3D7A-B.0`;
    const now = Math.floor(Date.now() / 1000);
    const batch = sendgrid.sign([
      { email: 'bob@example.com', timestamp: now + 2, event: 'click', url: 'https://shop.example.com/orders/42', sg_event_id: 'sg-3', sg_message_id: sgId },
      { email: 'bob@example.com', timestamp: now + 1, event: 'open', sg_event_id: 'sg-2', sg_message_id: sgId },
      { email: 'bob@example.com', timestamp: now, event: 'delivered', sg_event_id: 'sg-1', sg_message_id: sgId },
    ]);
    expect((await postToWebhook(batch)).status).toBe(200);

    const items = events.getByRole('list', { name: 'Provider events, oldest first' }).getByRole('listitem');
    await eventually(async () => (await items.count()) === 3, WAIT_MS);
    const kinds = await Promise.all([0, 1, 2].map((i) => items.nth(i).locator('.badge').textContent()));
    expect(kinds).toEqual(['Delivered', 'Opened', 'Clicked']);
    for (let i = 0; i < 3; i++) await visible(items.nth(i).getByText('SendGrid · bob@example.com'));
    await visible(items.nth(2).getByText('Link: https://shop.example.com/orders/42'));
    await visible(page.getByRole('heading', { name: /^Your order/ }).getByText('Clicked', { exact: true }));
    await fullPageShot(page, 'message-provider-events');
  });
});
