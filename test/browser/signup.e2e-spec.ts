import { Browser, BrowserContext, Page } from 'playwright-core';
import { Hub, startHub } from '../harness';
import { eventually } from '../support/receiver';
import { SmtpSink } from '../support/smtp-sink';
import { collectPageErrors, launchChromium, newAppContext, onPath, saveScreenshot, visible } from './chromium';

/** Signup on a hub with a system mailer, as a person does it: the form, the email, the link, the app. */
describe('admin app in Chromium: signup confirmed by email', () => {
  let hub: Hub;
  let sink: SmtpSink;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    hub = await startHub({ env: { SYSTEM_SMTP_URL: `smtp://127.0.0.1:${sink.port}` } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await sink?.stop();
  });
  beforeEach(async () => {
    context = await newAppContext(browser, hub.url);
    page = await context.newPage();
    pageErrors = [];
    collectPageErrors(page, pageErrors);
  });
  afterEach(async () => {
    await context?.close();
    expect(pageErrors).toEqual([]);
  });

  /** The link in the newest mail to `email`, pointed at this hub (PUBLIC_URL in tests is not the port the hub listens on). */
  async function linkMailedTo(email: string): Promise<string> {
    const mail = await eventually(async () => sink.mails.filter((m) => m.to.includes(email)).pop(), 20000, 50);
    const link = /(https?:\/\/\S+\/signup\/confirm#token=[A-Za-z0-9_-]{43})/.exec(mail.parsed.text ?? '')?.[1];
    expect(link).toBeDefined();
    const url = new URL(link!);
    return `${url.pathname}${url.hash}`;
  }

  async function fillSignup(accountName: string, email: string): Promise<void> {
    await page.getByLabel('Account name').fill(accountName);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('long-password-1');
    await page.getByRole('button', { name: 'Create account' }).click();
  }

  it('signs up from the login page, says to check the email, and the emailed link creates the account and logs in', async () => {
    const email = 'browser-owner@example.com';
    await page.goto('/login');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await onPath(page, '/signup');
    await visible(page.getByRole('heading', { name: 'Create an account' }));
    await saveScreenshot(page, 'signup');

    await fillSignup('Browser Co', email);
    await visible(page.getByRole('heading', { name: 'Check your email' }));
    await visible(page.getByText(email, { exact: true }));
    expect(await page.evaluate('window.localStorage.length')).toBe(0);
    await saveScreenshot(page, 'signup-check-email');

    await page.goto(await linkMailedTo(email));
    await visible(page.getByRole('heading', { name: 'Confirm your email' }));
    // Opening the link uses nothing up: no account until the click.
    expect(await hub.sql('SELECT 1 FROM users WHERE email = $1', [email])).toHaveLength(0);
    await saveScreenshot(page, 'signup-confirm');
    await page.getByRole('button', { name: 'Create my account' }).click();

    await onPath(page, '/');
    const banner = page.getByRole('banner');
    await visible(banner.getByText('Browser Co', { exact: true }));
    await visible(banner.getByText(email, { exact: true }));

    // The link worked once: opened again, it says so.
    await page.getByRole('button', { name: 'Log out' }).click();
    await onPath(page, '/login');
    await page.goto(await linkMailedTo(email));
    await page.getByRole('button', { name: 'Create my account' }).click();
    const alert = page.getByRole('alert');
    await visible(alert);
    expect(await alert.textContent()).toContain('already used');
  });

  it('gives a taken email the same "check your email" page, and its owner a note instead of a link', async () => {
    const email = hub.config.adminEmail!;
    await page.goto('/signup');
    await fillSignup('Second try', email);
    await visible(page.getByRole('heading', { name: 'Check your email' }));
    const note = await eventually(async () => sink.mails.find((m) => m.to.includes(email)), 20000, 50);
    expect(note.parsed.subject).toBe('You already have a Webhook Hub account');
    expect(await hub.sql('SELECT 1 FROM users WHERE email = $1', [email])).toHaveLength(1);
  });
});
