import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { Account, Hub, startHub } from '../harness';
import { collectPageErrors, DESKTOP, gone, launchChromium, newAppContext, PHONE, visible } from './chromium';
import { SeededScreens, seedEveryScreen, SIDEBAR_SCREENS } from './every-screen';

/** The WCAG 2.1 A and AA rules (and axe's best practices are left out: they are advice, not failures). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** What fails the check: axe's two worst impact levels. Minor and moderate findings are printed, not failed. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

interface Screen {
  name: string;
  path: (ids: SeededScreens) => string;
  /** Text on the screen once its records have loaded. */
  waitFor: string;
}

/** Every screen a signed-in admin reaches: the sidebar's, and the forms and details opened from them. */
const SCREENS: Screen[] = [
  ...SIDEBAR_SCREENS.map((screen) => ({ name: screen.heading, path: () => screen.path, waitFor: screen.waitFor })),
  { name: 'new endpoint form', path: () => '/webhooks?edit=new', waitFor: 'Common URL' },
  { name: 'endpoint form', path: (ids) => `/webhooks?edit=${ids.endpointId}`, waitFor: 'Save changes' },
  { name: 'delivery detail', path: (ids) => `/deliveries?delivery=${ids.deliveryId}`, waitFor: 'Attempts' },
  { name: 'event type schema', path: () => '/event-types?type=contact.created', waitFor: 'JSON schema' },
  { name: 'new workflow form', path: () => '/workflows?workflow=new', waitFor: 'New workflow' },
  { name: 'workflow steps', path: (ids) => `/workflows?workflow=${ids.workflowId}`, waitFor: 'Steps and settings' },
  { name: 'workflow runs', path: (ids) => `/workflows?workflow=${ids.workflowId}&tab=runs`, waitFor: 'new.signup@example.com' },
  { name: 'new lead source form', path: () => '/lead-sources?edit=new&provider=google', waitFor: 'Google' },
  { name: 'lead source detail', path: (ids) => `/lead-sources?edit=${ids.leadSourceId}`, waitFor: 'Facebook page' },
  { name: 'inbound request detail', path: (ids) => `/inbound-logs?log=${ids.inboundLogId}`, waitFor: 'new.signup@example.com' },
  { name: 'new email channel form', path: () => '/channels?edit=new&type=email', waitFor: 'New email channel' },
  { name: 'email channel with its ESP webhooks', path: (ids) => `/channels?edit=${ids.emailChannelId}`, waitFor: 'Delivery webhooks from Mailgun' },
  { name: 'SMS channel', path: (ids) => `/channels?edit=${ids.smsChannelId}`, waitFor: 'Alerts by SMS' },
  { name: 'WhatsApp channel and its session', path: (ids) => `/channels?edit=${ids.whatsappChannelId}`, waitFor: 'Shop WhatsApp' },
  { name: 'conversation', path: (ids) => `/messages?contact=${ids.contactId}`, waitFor: 'No messages with this contact yet.' },
  { name: 'new contact form', path: () => '/contacts?contact=new', waitFor: 'New contact' },
  { name: 'contact detail', path: (ids) => `/contacts?contact=${ids.contactId}`, waitFor: 'Maria Garcia' },
  { name: 'contact statuses and sources', path: () => '/contacts?view=lookups', waitFor: 'Statuses' },
  { name: 'group detail', path: (ids) => `/groups?group=${ids.groupId}`, waitFor: 'maria.garcia.with.a.long.address@example.com' },
];

/**
 * Issue 20 point 10: axe-core (WCAG 2.1 A and AA rules) on every screen of the
 * admin app, at a phone's width and a laptop's, with an account that has
 * something on each screen, signed out (login, signup) and signed in, with the
 * navigation drawer open. A serious or critical violation fails, named with
 * the elements it was found on.
 */
describe('admin app accessibility: axe finds no serious or critical violation on any screen', () => {
  let hub: Hub;
  let account: Account;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let ids: SeededScreens;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    hub = await startHub();
    account = await hub.signup();
    ids = await seedEveryScreen(hub, account);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  /** axe's serious and critical findings on the page as it is now, one line each with where. */
  const seriousViolations = async (): Promise<string[]> => {
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    for (const minor of results.violations.filter((v) => !FAILING_IMPACTS.has(v.impact ?? ''))) {
      console.info(`axe (${minor.impact}) ${new URL(page.url()).pathname}${new URL(page.url()).search}: ${minor.id} on ${minor.nodes.length} element(s)`);
    }
    return results.violations
      .filter((v) => FAILING_IMPACTS.has(v.impact ?? ''))
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
  };

  /** Opens the path and waits until it has loaded its records (no loading state left). */
  const open = async (path: string, waitFor: string) => {
    await page.goto(path);
    await visible(page.getByRole('main').getByText(waitFor).first());
    await gone(page.locator('.state-loading').first());
  };

  for (const viewport of [PHONE, DESKTOP]) {
    describe(`at ${viewport.width} px`, () => {
      beforeAll(async () => {
        context = await newAppContext(browser, hub.url, { viewport });
        page = await context.newPage();
        collectPageErrors(page, pageErrors);
      });
      afterAll(async () => {
        await context?.close();
      });

      it('the login and signup screens', async () => {
        await page.goto('/login');
        await visible(page.getByRole('heading', { level: 1, name: 'Log in' }));
        expect(await seriousViolations()).toEqual([]);
        await page.goto('/signup');
        await visible(page.getByRole('heading', { level: 1 }));
        expect(await seriousViolations()).toEqual([]);
      });

      describe('signed in', () => {
        beforeAll(async () => {
          await context.addInitScript((token) => (globalThis as any).localStorage.setItem('webhook-hub.token', token), account.token);
        });

        for (const screen of SCREENS) {
          it(screen.name, async () => {
            await open(screen.path(ids), screen.waitFor);
            expect(await seriousViolations()).toEqual([]);
          });
        }

        if (viewport === PHONE) {
          it('the navigation drawer, open', async () => {
            await open('/contacts', 'maria.garcia.with.a.long.address@example.com');
            await page.getByRole('button', { name: 'Menu', exact: true }).click();
            await visible(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }));
            expect(await seriousViolations()).toEqual([]);
          });
        }
      });
    });
  }
});
