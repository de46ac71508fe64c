import { existsSync } from 'node:fs';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Account, Hub, startHub } from '../harness';
import { seedEndpoint } from '../support/endpoint-fixture';
import { launchChromium, saveScreenshot, WEB_INDEX } from './chromium';

// Browser globals, for the callbacks page.evaluate runs in Chromium (the root tsconfig has no DOM lib).
declare const window: any, document: any;

const WAIT_MS = 15_000;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const visible = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: WAIT_MS });

/**
 * Issue 21 (points 1 and 3) in Chromium: the overview's charts and figures
 * for an account with known deliveries and inbound requests, each figure
 * opening the log that lists what it counts; the failing endpoints flagged in
 * the navigation; each endpoint's health on the webhooks screen; and the same
 * at a phone's width without sideways scrolling.
 */
describe('admin app in Chromium: overview charts and endpoint health', () => {
  let hub: Hub;
  let account: Account;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  let healthy: string;
  let flaky: string;
  let gone: string;
  const counts = { succeeded: 0, failed: 0, retrying: 0 };

  /** A delivery and its attempts, `minutesAgo` apart; every attempt but the last failed with 503. */
  const seedDelivery = async (endpointId: string, minutesAgo: number[], last: 'succeeded' | 'failed' | 'retrying', durationMs = 120) => {
    const status = last === 'retrying' ? 'pending' : last;
    const [delivery] = await hub.sql<{ id: string }>(
      `INSERT INTO deliveries (account_id, endpoint_id, event_id, event_type, url, status, attempt_count, next_attempt_at, created_at)
       VALUES ($1, $2, $3, 'contact.created', 'https://example.com/hook', $4, $5, now() + interval '1 day', now() - make_interval(mins => $6))
       RETURNING id`,
      [account.accountId, endpointId, `evt_${Math.random().toString(36).slice(2)}`, status, minutesAgo.length, minutesAgo[0]],
    );
    for (const [i, ago] of minutesAgo.entries()) {
      const outcome = i < minutesAgo.length - 1 ? 'retrying' : last;
      await hub.sql(
        `INSERT INTO delivery_attempts (delivery_id, account_id, n, status_code, duration_ms, error, request_headers, created_at)
         VALUES ($1, $2, $3, $4, $5, NULL, '{}', now() - make_interval(mins => $6))`,
        [delivery.id, account.accountId, i + 1, outcome === 'succeeded' ? 200 : 503, durationMs, ago],
      );
      counts[outcome]++;
    }
  };

  beforeAll(async () => {
    if (!existsSync(WEB_INDEX)) throw new Error(`The admin app is not built (${WEB_INDEX} is missing): run \`npm run build --prefix web\` first.`);
    hub = await startHub();
    account = await hub.signup();
    healthy = (await seedEndpoint(hub, account.accountId, { url: 'https://crm.example.com/hooks' })).id;
    flaky = (await seedEndpoint(hub, account.accountId, { url: 'https://billing.example.com/hooks' })).id;
    gone = (await seedEndpoint(hub, account.accountId, { url: 'https://old.example.com/hooks' })).id;
    await hub.sql(`UPDATE endpoints SET description = 'CRM sync' WHERE id = $1`, [healthy]);
    await hub.sql(`UPDATE endpoints SET description = 'Billing', failing_since = now() - interval '3 hours' WHERE id = $1`, [flaky]);
    await hub.sql(
      `UPDATE endpoints SET description = 'Old shop', enabled = false, disabled_reason = 'gone', disabled_at = '2026-12-01T09:30:00Z' WHERE id = $1`,
      [gone],
    );
    for (let hour = 0; hour < 20; hour++) await seedDelivery(healthy, [hour * 60 + 7], 'succeeded', 80);
    // Billing: 3 attempts succeeded, one delivery failed after a retry, one waits for its retry: 3 of 6 attempts, 50 %.
    for (const hour of [0, 2, 4]) await seedDelivery(flaky, [hour * 60 + 15], 'succeeded', 1200);
    await seedDelivery(flaky, [60 + 20, 60 + 15], 'failed', 1200);
    await seedDelivery(flaky, [3 * 60 + 20], 'retrying', 1200);
    await seedDelivery(gone, [600], 'failed');
    for (const [source, outcome, n] of [['automation', 'accepted', 4], ['automation', 'rejected', 1], ['sendgrid', 'accepted', 3], ['meta', 'error', 2]] as const) {
      for (let i = 0; i < n; i++) {
        await hub.sql(
          `INSERT INTO inbound_logs (account_id, source, method, url, headers, status_code, outcome, created_at)
           VALUES ($1, $2, 'POST', $3, '{}', $4, $5, now() - make_interval(mins => $6))`,
          [account.accountId, source, `/api/${source}/${i}`, outcome === 'accepted' ? 200 : outcome === 'rejected' ? 401 : 503, outcome, 30 + i * 60],
        );
      }
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await hub?.close();
  });

  afterEach(() => expect(pageErrors).toEqual([]));

  const openAt = async (viewport: { width: number; height: number }) => {
    await context?.close();
    context = await browser.newContext({ baseURL: hub.url, viewport, locale: 'en-GB', timezoneId: 'UTC', reducedMotion: 'reduce' });
    context.setDefaultTimeout(WAIT_MS);
    await context.addInitScript((token) => window.localStorage.setItem('webhook-hub.token', token), account.token);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  };
  const figure = (card: string, label: string) =>
    page.getByRole('region', { name: card }).getByRole('link').filter({ hasText: new RegExp(`^[\\d,]+${label}$`) });
  const sidewaysOverflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const logRows = () => page.getByRole('table').locator('tbody tr');

  it('shows deliveries by outcome over 24 hours, each figure opening the deliveries it counts', async () => {
    await openAt(DESKTOP);
    await page.goto('/');
    const deliveries = page.getByRole('region', { name: 'Deliveries' });
    await visible(deliveries.locator('.recharts-bar-rectangle').first());
    for (const outcome of ['succeeded', 'retrying', 'failed'] as const) {
      const label = outcome[0].toUpperCase() + outcome.slice(1);
      await visible(figure('Deliveries', label));
      expect(await figure('Deliveries', label).locator('.figure-value').textContent()).toBe(String(counts[outcome]));
    }
    // 24 hourly bars: the table view lists each.
    await deliveries.getByText('Show as a table').click();
    expect(await deliveries.getByRole('table').locator('tbody tr').count()).toBe(24);

    // Failed attempts are each their delivery's last, so the log lists exactly that many deliveries.
    await figure('Deliveries', 'Failed').click();
    await visible(page.getByRole('heading', { name: 'Delivery log' }));
    expect(new URL(page.url()).searchParams.get('status')).toBe('failed');
    await visible(page.getByText(/Only deliveries with an attempt made from/));
    await visible(logRows().first());
    expect(await logRows().count()).toBe(counts.failed);
    // Clearing the attempt window keeps the other filters.
    await page.getByRole('button', { name: 'Any attempt time' }).click();
    expect(new URL(page.url()).searchParams.get('attempted_since')).toBeNull();
    expect(new URL(page.url()).searchParams.get('status')).toBe('failed');
  });

  it('lists the weakest endpoints first, inbound requests per source, and queue depth, each linking to its log', async () => {
    await page.goto('/');
    const weakest = page.getByRole('region', { name: 'Endpoints with the lowest success rate' });
    await visible(weakest.getByRole('row').nth(1));
    const names = await weakest.locator('tbody th a').allTextContents();
    expect(names).toEqual(['Old shop', 'Billing', 'CRM sync']); // 0 %, 3 of 6 = 50 %, 100 %
    expect(await weakest.getByRole('row', { name: /Billing/ }).getByRole('cell').first().textContent()).toBe('50.0 % of 6');
    expect(await weakest.getByRole('row', { name: /Old shop/ }).textContent()).toContain('Disabled: gone');
    await visible(weakest.getByRole('img', { name: /^Billing: success rate per bar/ }));

    const inbound = page.getByRole('region', { name: 'Inbound requests' });
    await visible(inbound.locator('.recharts-bar-rectangle').first());
    await visible(page.getByRole('region', { name: 'Queues' }).getByRole('row', { name: /Webhook deliveries/ }));
    await saveScreenshot(page, 'overview-stats-1280');
    const automation = inbound.getByRole('row', { name: /^Automation trigger/ });
    expect(await automation.getByRole('cell').allTextContents()).toEqual(['4', '0', '1', '0', '5']);
    await automation.getByRole('link', { name: '4', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Inbound log' }));
    const params = new URL(page.url()).searchParams;
    expect([params.get('source'), params.get('status'), params.get('until')?.length]).toEqual(['automation', 'accepted', 16]);
    expect(await page.getByLabel('Until').inputValue()).toBe(params.get('until'));
    await visible(logRows().first());
    expect(await logRows().count()).toBe(4);

    await page.goto('/?range=1h');
    await visible(page.getByRole('region', { name: 'Endpoints with the lowest success rate' }).getByRole('row').nth(1));
    const queues = page.getByRole('region', { name: 'Queues' });
    // Billing's retrying delivery waits a day for its next attempt: pending, none due.
    await visible(queues.getByRole('row', { name: /Webhook deliveries/ }));
    expect(await queues.getByRole('row', { name: /Webhook deliveries/ }).getByRole('cell').allTextContents()).toEqual(['0', '1', '—']);
    expect(await page.getByRole('button', { name: 'Last hour' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('flags failing endpoints in the navigation and shows each endpoint’s 24-hour health on the webhooks screen', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    const webhooks = nav.getByRole('link', { name: 'Webhooks', exact: true });
    // Billing fails every attempt and Old shop was disabled by the hub (410): two.
    expect(await webhooks.getAttribute('aria-describedby')).toBeTruthy();
    expect(await nav.locator(`#${await webhooks.getAttribute('aria-describedby')}`).textContent()).toContain('2 failing endpoints');
    await webhooks.click();
    const card = (name: string) => page.getByRole('article', { name });
    await visible(card('Billing').getByText('Success, 24 h'));
    expect(await card('Billing').locator('.health-rate a').textContent()).toBe('50.0 % of 6 attempts');
    expect(await card('CRM sync').locator('.health-rate a').textContent()).toBe('100 % of 20 attempts');
    await visible(card('Billing').getByRole('img', { name: 'Success rate per hour over 24 hours, 50.0 % overall' }));
    expect(await card('Billing').getByText('≤ 1.5 s').count()).toBe(1);
    expect(await card('Billing').getByRole('link', { name: /^HTTP 503 · / }).count()).toBe(1);
    expect(await card('Old shop').textContent()).toContain('Disabled on 1 Dec 2026, 09:30 because the receiver answered 410 Gone');
    await saveScreenshot(page, 'webhooks-health-1280');

    // The last error opens the one delivery whose attempt it was.
    await card('Billing').getByRole('link', { name: /^HTTP 503 · / }).click();
    await visible(page.getByRole('heading', { name: 'Delivery log' }));
    await visible(logRows().first());
    expect(await logRows().count()).toBe(1);
  });

  it('keeps the overview and endpoint health usable at 390 px: no sideways scrolling, the flag in the drawer', async () => {
    await openAt(PHONE);
    await page.goto('/');
    await visible(page.getByRole('region', { name: 'Deliveries' }).locator('.recharts-bar-rectangle').first());
    await visible(page.getByRole('region', { name: 'Endpoints with the lowest success rate' }).getByRole('row').nth(1));
    expect(await sidewaysOverflow()).toBe(0);
    await saveScreenshot(page, 'overview-stats-390');
    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    const flag = page.getByRole('navigation', { name: 'Main' }).locator('.nav-flag');
    await visible(flag);
    expect(await flag.textContent()).toContain('2 failing');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks', exact: true }).click();
    await visible(page.getByRole('article', { name: 'Billing' }).getByText('Success, 24 h'));
    expect(await sidewaysOverflow()).toBe(0);
  });
});
