import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Hub, startHub } from '../harness';
import { eventually, Receiver } from '../support/receiver';
import { collectPageErrors, launchChromium, logIn, newAppContext, saveScreenshot, sessionToken, visible } from './chromium';

const focused = (locator: Locator) => locator.evaluate((element) => element === (globalThis as any).document.activeElement);

/**
 * Issue 20 (items 2, 3, 5) as a new admin meets it in Chromium: an endpoint
 * whose receiver answers 500 is saved off (its receiver is not live yet),
 * turned on, its deliveries read "Retrying · attempt n of N"; once the
 * receiver is fixed, "Retry failing deliveries now" says how many go where,
 * asks, and sends them.
 */
describe('admin app in Chromium: recovering a failing endpoint', () => {
  let hub: Hub;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const receiver = new Receiver();
  let receiverUp = false;

  beforeAll(async () => {
    // The second attempt waits ten minutes: a delivery that failed once stays "retrying" until the admin acts.
    hub = await startHub({ env: { WEBHOOK_RETRY_SCHEDULE: '0,600,600' } });
    await receiver.start();
    receiver.respond = () => (receiverUp ? { status: 200, body: 'ok' } : { status: 500, body: 'bounce handler crashed' });
    browser = await launchChromium();
    context = await newAppContext(browser, hub.url);
    page = await context.newPage();
    collectPageErrors(page, pageErrors);
    await logIn(page, hub.config.adminEmail!);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await receiver.stop();
    await hub?.close();
  });

  afterEach(() => expect(pageErrors).toEqual([]));

  const token = () => sessionToken(page);
  const publish = async (type: string) => {
    const catalog = await hub.request('GET', '/api/event-types', { token: await token() });
    const data = catalog.body.find((eventType: { type: string }) => eventType.type === type).example;
    expect((await hub.request('POST', '/api/events', { token: await token(), body: { type, data } })).status).toBe(202);
  };

  it('keeps focus on a Test’s result, names the failed URL as the blocker, and saves a receiver not live yet only as disabled', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks', exact: true }).click();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const url = receiver.url('/bounced');
    await page.getByRole('textbox', { name: 'Common URL' }).fill(url);
    // 29 types arrive folded into their domains; one select-all takes the message.* group.
    await page.getByLabel('Send every message event').check();
    const messageGroup = page.getByRole('row').filter({ has: page.getByLabel('Send every message event') });
    expect(await messageGroup.textContent()).toMatch(/(\d+) of \1 checked/);

    await page.getByRole('button', { name: 'Test common URL' }).press('Enter');
    const failed = page.getByRole('region', { name: /^Failed Test of webhook\.test/ });
    await visible(failed);
    await eventually(() => focused(failed));
    // The keyboard goes on from the result, not from the top of the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe('Hide result');

    const hint = page.locator('#save-gate');
    await visible(hint.getByText(`${url} answered HTTP 500.`));
    expect(await page.getByRole('button', { name: 'Save endpoint' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Hide result' }).click();
    await hint.getByRole('button', { name: 'See the result' }).click();
    await eventually(() => focused(failed));
    await saveScreenshot(page, 'endpoint-form-failed-test');

    await page.getByLabel('Description').fill('Bounces');
    await page.getByRole('button', { name: 'Save as disabled' }).click();
    await visible(page.getByRole('heading', { name: 'Endpoint “Bounces” saved' }));
    await page.getByRole('button', { name: 'Done' }).click();
    const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Bounces', exact: true }) });
    await card.getByRole('button', { name: 'Enable' }).click();
    await visible(card.getByRole('button', { name: 'Disable' }));
  });

  it('shows HTTP 500 deliveries as retrying, then retries them all after saying how many go where', async () => {
    const before = receiver.received.length;
    await publish('message.bounced');
    await publish('message.bounced');
    await receiver.waitFor(before + 2);

    const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Bounces', exact: true }) });
    await card.getByRole('link', { name: 'Deliveries' }).click();
    await page.getByLabel('Status').selectOption('retrying');
    const rows = page.getByRole('row').filter({ hasText: 'Retrying' });
    await eventually(async () => (await rows.count()) === 2 && (await rows.filter({ hasText: 'last answer HTTP 500' }).count()) === 2);
    expect(await rows.first().textContent()).toMatch(/Retrying.*attempt 1 of 3 · next try at .+ · last answer HTTP 500/);
    await saveScreenshot(page, 'deliveries-retrying');

    receiverUp = true;
    await page.getByRole('button', { name: 'Retry failing deliveries now' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retry failing deliveries now?' });
    await visible(dialog);
    expect(await dialog.textContent()).toContain(`This sends 2 deliveries to ${receiver.url('/bounced')}, each as a new attempt.`);
    // Counting sent nothing.
    expect(receiver.received.length).toBe(before + 2);
    await saveScreenshot(page, 'deliveries-retry-failing-confirm');
    await dialog.getByRole('button', { name: 'Send 2 now' }).click();
    await visible(page.getByText(/^Sending 2 deliveries now/));
    await receiver.waitFor(before + 4);

    await page.getByLabel('Status').selectOption('succeeded');
    await eventually(async () => (await page.getByRole('row').filter({ hasText: 'Succeeded' }).count()) === 2, 20_000);
  });
});
