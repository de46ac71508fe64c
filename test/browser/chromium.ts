import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';

/** The system Chromium (Debian's `chromium` package); never a browser downloaded by `playwright install`. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the admin app's screenshots go; the README and docs link to them. */
export const SCREENSHOT_DIR = join(__dirname, '../../docs/screenshots');

/** The built admin app the API serves at `/`. */
export const WEB_INDEX = join(__dirname, '../../web/dist/index.html');

/** How long one expectation may wait for the page: generous for a cold CI machine, but bounded. */
export const WAIT_MS = 15_000;

/** The seeded admin's password (the harness sets ADMIN_PASSWORD to it). */
export const ADMIN_PASSWORD = 'admin-password-123';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** Where the admin app keeps its session token (web/src/auth/session.ts). */
const TOKEN_KEY = 'webhook-hub.token';

export const visible = (locator: Locator, timeout = WAIT_MS) => locator.waitFor({ state: 'visible', timeout });
export const gone = (locator: Locator, timeout = WAIT_MS) => locator.waitFor({ state: 'detached', timeout });
export const onPath = (page: Page, pathname: string) => page.waitForURL((url) => url.pathname === pathname, { timeout: WAIT_MS });

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium, as .ci/run does) or set CHROMIUM_PATH.`,
    );
  }
  if (!existsSync(WEB_INDEX)) {
    throw new Error(`The admin app is not built (${WEB_INDEX} is missing): run \`npm run build --prefix web\` first.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

interface AppContextOptions {
  viewport?: { width: number; height: number };
  /** Signs every page of the context in with this token, skipping the login screen (which is throttled per IP). */
  token?: string;
  /** Lets Copy buttons write and the test read the clipboard. */
  clipboard?: boolean;
}

/** A browser context on the hub as a person in the UK sees it: the hub's address, UTC, reduced motion, bounded waits. */
export async function newAppContext(browser: Browser, baseURL: string, options: AppContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? DESKTOP,
    locale: 'en-GB',
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(WAIT_MS);
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  if (options.token) {
    await context.addInitScript(([key, token]) => (globalThis as any).localStorage.setItem(key, token), [TOKEN_KEY, options.token] as const);
  }
  return context;
}

/**
 * The uncaught exceptions of the page, collected as they happen; a suite
 * expects the list empty after each test, so an error fails the test even
 * when the page looked right.
 */
export function collectPageErrors(page: Page, into: string[] = []): string[] {
  page.on('pageerror', (error) => into.push(error.message));
  return into;
}

/** Logs in through the login screen and waits for the signed-in shell to name the user. */
export async function logIn(page: Page, email: string, password = ADMIN_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await visible(page.getByRole('banner').getByText(email, { exact: true }));
}

/** The signed-in page's session token, to call the API as the same user. */
export const sessionToken = (page: Page) => page.evaluate((key) => (globalThis as any).localStorage.getItem(key) as string, TOKEN_KEY);

/** Saves a full-page screenshot to `docs/screenshots/<name>.png` and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  return path;
}

/** A full-page screenshot from the top, so the sticky sidebar sits where a reader expects it. */
export async function fullPageShot(page: Page, name: string): Promise<string> {
  await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
  return saveScreenshot(page, name);
}

/** What the reader sees with `locator` in the middle of the window. */
export async function viewportShot(page: Page, locator: Locator, name: string): Promise<string> {
  await locator.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  return path;
}
