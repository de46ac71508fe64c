import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Account, Hub, startHub } from '../harness';
import { collectPageErrors, DESKTOP, launchChromium, newAppContext, PHONE, saveScreenshot, visible } from './chromium';
import { seedEveryScreen, SIDEBAR_SCREENS } from './every-screen';

// Browser globals, for the callbacks page.evaluate runs in Chromium (the root tsconfig has no DOM lib).
declare const window: any, document: any, getComputedStyle: any;
type Element = any;
type HTMLElement = any;

/**
 * Every screen at a phone's width (390 px) and a laptop's (1280 px), with an
 * account that has something on each: the page never scrolls sideways, its
 * heading and first action are on screen, and on the phone the navigation
 * opens from the menu button as a drawer with its labels.
 */
describe('admin app at phone and laptop widths', () => {
  let hub: Hub;
  let account: Account;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // No PUBLIC_URL: the URLs handed to outside services start with http://localhost.
    hub = await startHub();
    account = await hub.signup();

    await seedEveryScreen(hub, account);

    browser = await launchChromium();
    context = await newAppContext(browser, hub.url, { viewport: PHONE, token: account.token });
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

  /** How far the page is wider than the window (0 when nothing scrolls sideways). */
  const sidewaysOverflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  /**
   * The innermost elements that stick out past the window's right edge (outside
   * any container that scrolls on its own), named so a failure says what to fix.
   */
  const elementsPastTheEdge = () =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const scrollsItself = (el: Element) => {
        for (let p = el.parentElement; p; p = p.parentElement) {
          const overflowX = getComputedStyle(p).overflowX;
          if (overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden') return true;
        }
        return false;
      };
      const past = [...document.querySelectorAll('body *')].filter(
        (el) => el.getBoundingClientRect().right > width + 0.5 && !scrollsItself(el),
      );
      return past
        .filter((el) => !past.some((other) => other !== el && el.contains(other)))
        .slice(0, 5)
        .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> ${(el.textContent ?? '').slice(0, 40)}`);
    });

  /** Whether the element lies within the window's width. */
  const withinWidth = async (locator: Locator, width: number) => {
    const box = await locator.boundingBox();
    return box !== null && box.x >= 0 && box.x + box.width <= width + 0.5;
  };

  for (const viewport of [PHONE, DESKTOP]) {
    describe(`at ${viewport.width} px`, () => {
      beforeAll(async () => {
        await page.setViewportSize(viewport);
      });

      for (const screen of SIDEBAR_SCREENS) {
        it(`${screen.heading}: no sideways scroll, heading${screen.action ? ' and first action' : ''} on screen`, async () => {
          await page.goto(screen.path);
          const heading = page.getByRole('heading', { level: 1, name: screen.heading }).first();
          await visible(heading);
          await visible(page.getByRole('main').getByText(screen.waitFor).first());
          expect(await withinWidth(heading, viewport.width)).toBe(true);
          if (screen.action) {
            const action = page.getByRole('main').getByRole('button', { name: screen.action }).first();
            await visible(action);
            expect(await withinWidth(action, viewport.width)).toBe(true);
          }
          expect(await elementsPastTheEdge()).toEqual([]);
          expect(await sidewaysOverflow()).toBeLessThanOrEqual(0);
          expect(await page.title()).toBe(`${screen.title ?? screen.heading} · Webhook Hub`);
          await page.evaluate(() => window.scrollTo(0, 0));
          await saveScreenshot(page, `${screen.shot}-${viewport.width}`);
        });
      }
    });
  }

  it('at 360 px, the narrowest phone supported, no screen scrolls sideways', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const screen of SIDEBAR_SCREENS) {
      await page.goto(screen.path);
      await visible(page.getByRole('main').getByText(screen.waitFor).first());
      expect({ screen: screen.path, past: await elementsPastTheEdge(), overflow: await sidewaysOverflow() }).toEqual({ screen: screen.path, past: [], overflow: 0 });
    }
  });

  it('at 390 px each delivery is a card whose status and last result are on screen, labelled', async () => {
    await page.setViewportSize(PHONE);
    await page.goto('/deliveries');
    const row = page.getByRole('main').getByRole('row').filter({ hasText: 'custom.order_paid' });
    const status = row.locator('[data-label="Status"]');
    await visible(status);
    expect(await withinWidth(status, PHONE.width)).toBe(true);
    expect(await withinWidth(row.locator('[data-label="Last result"]'), PHONE.width)).toBe(true);
    expect(await status.evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"Status"');
  });

  it('at 390 px the navigation is a menu button that opens a drawer with labels, and closes after a link', async () => {
    await page.setViewportSize(PHONE);
    await page.goto('/contacts');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    await visible(menu);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Groups' }).isVisible()).toBe(false);

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await visible(nav.getByRole('link', { name: 'Groups' }));
    expect(await nav.getByText('People', { exact: true }).isVisible()).toBe(true);
    // Focus moves into the drawer, to the current screen's link.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Contacts');
    await saveScreenshot(page, 'navigation-390');

    await nav.getByRole('link', { name: 'Groups' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Groups' }));
    await nav.getByRole('link', { name: 'Groups' }).waitFor({ state: 'hidden' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    // Escape closes it and gives focus back to the menu button.
    await menu.click();
    await visible(nav.getByRole('link', { name: 'Contacts' }));
    await page.keyboard.press('Escape');
    await nav.getByRole('link', { name: 'Contacts' }).waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('☰ Menu');
  });

  it('at 390 px a channel’s localhost webhook URL says Mailgun cannot reach it and how to set PUBLIC_URL', async () => {
    await page.setViewportSize(PHONE);
    await page.goto('/channels');
    await page.getByRole('button', { name: 'Edit Transactional mail' }).click();
    const panel = page.getByRole('region', { name: 'Delivery webhooks from Mailgun' });
    expect(await panel.getByRole('textbox', { name: 'Webhook URL' }).inputValue()).toMatch(/^http:\/\/localhost:\d+\/api\/webhook\/email\/mailgun\//);
    const note = panel.getByRole('note').filter({ hasText: 'PUBLIC_URL' });
    await visible(note);
    expect(await note.textContent()).toContain('so Mailgun cannot reach it from the internet');
    expect(await note.textContent()).toContain('PUBLIC_URL=https://hub.example.com');
    expect(await sidewaysOverflow()).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'channel-public-url-warning-390');
  });

  it('at 390 px choosing an event type brings its schema into view, and its description shows code', async () => {
    await page.setViewportSize(PHONE);
    await page.goto('/event-types');
    const updated = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'contact.updated', exact: true }) });
    expect(await updated.locator('td code').first().textContent()).toBe('changed');
    expect(await page.getByRole('table').getByText(/`/).count()).toBe(0);

    await page.getByRole('main').getByRole('button', { name: 'workflow.completed', exact: true }).click();
    const heading = page.getByRole('heading', { level: 2, name: 'workflow.completed' });
    await visible(heading);
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.tagName === 'H2');
    const box = await heading.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(PHONE.height);
    await visible(page.getByRole('heading', { level: 3, name: 'JSON schema' }));
  });

  it('finds a contact by full name', async () => {
    await page.setViewportSize(PHONE);
    await page.goto('/contacts');
    await page.getByLabel('Search contacts').fill('Maria Garcia');
    await visible(page.getByRole('main').getByText('maria.garcia.with.a.long.address@example.com'));
    await page.getByRole('main').getByText('new.signup@example.com').waitFor({ state: 'detached' });
  });

  it('at 390 px the keyboard alone opens the menu, stays in it, follows a link and reaches the page’s first field', async () => {
    await page.setViewportSize(PHONE);
    await page.goto('/contacts');
    await visible(page.getByRole('heading', { level: 1, name: 'Contacts' }));
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to content');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('☰ Menu');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Contacts');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Groups');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('API keys');
    // The page behind the open drawer is inert: Tab does not wander into it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('.shell-main')?.contains(document.activeElement))).toBe(false);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).focus();
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { level: 1, name: 'Groups' }));
    // Through the top bar to the page's own first field.
    await page.keyboard.press('Tab');
    for (let i = 0; i < 6 && (await page.evaluate(() => document.activeElement?.id)) !== 'group-new-name'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('group-new-name');
  });

  it('at 1280 px the sidebar stays open beside the page and there is no menu button', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto('/contacts');
    await visible(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }));
    expect(await page.getByRole('button', { name: 'Menu', exact: true }).isVisible()).toBe(false);
  });
});
