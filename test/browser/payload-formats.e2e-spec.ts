import { Browser, BrowserContext, Page } from 'playwright-core';
import { Hub, startHub } from '../harness';
import { Receiver } from '../support/receiver';
import { collectPageErrors, DESKTOP, launchChromium, logIn, newAppContext, PHONE, viewportShot, visible } from './chromium';

/** How far the page is wider than the window: 0 when nothing sticks out sideways. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => {
    const root = (globalThis as any).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });

/** One signed-in page, driven like a person: choose a body format, look at it, test it, save it. */
describe('admin app in Chromium: payload formats', () => {
  let hub: Hub;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const marketing = new Receiver();

  beforeAll(async () => {
    hub = await startHub();
    await marketing.start();
    browser = await launchChromium();
    context = await newAppContext(browser, hub.url);
    page = await context.newPage();
    collectPageErrors(page, pageErrors);

    await logIn(page, hub.config.adminEmail!);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await marketing.stop();
    await hub?.close();
  });

  afterEach(() => {
    // An uncaught exception in the app fails the test even when the page looked right.
    expect(pageErrors).toEqual([]);
  });

  const exampleBody = (type: string) => page.getByLabel(`Example body of ${type}`, { exact: true });
  const card = () => page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Marketing', exact: true }) });

  it('previews flat_event bodies, says which type arrives as standard, and tests the common URL in flat_event', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks', exact: true }).click();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const hookUrl = marketing.url('/flat');
    await page.getByRole('textbox', { name: 'Common URL' }).fill(hookUrl);
    // Event types come folded by domain; the filter box finds one without opening its group.
    await page.getByLabel('Filter events').fill('message.sent');
    await page.getByLabel('message.sent', { exact: true }).check();
    await page.getByLabel('Filter events').fill('lead.captured');
    await page.getByLabel('lead.captured', { exact: true }).check();
    await page.getByLabel('Filter events').fill('');
    await page.getByLabel('Description').fill('Marketing');

    await page.getByLabel('Payload format').selectOption('flat_event');
    await visible(page.getByText(/One flat object named in words/));
    // message.sent is the endpoint's one type flat_event expresses: the preview starts there.
    await visible(exampleBody('message.sent'));
    expect(await page.getByLabel('Preview event').inputValue()).toBe('message.sent');
    const sentBody = JSON.parse((await exampleBody('message.sent').textContent()) ?? '');
    expect(sentBody).toMatchObject({ event: 'message sent', sending_type: 'email' });
    expect(await page.getByText(/flat_event cannot express/).count()).toBe(0);

    await page.getByLabel('Preview event').selectOption('lead.captured');
    await visible(page.getByText('flat_event cannot express lead.captured: it arrives in the standard shape, with webhook-format: standard.'));
    expect(JSON.parse((await exampleBody('lead.captured').textContent()) ?? '')).toMatchObject({ type: 'lead.captured' });

    await page.getByLabel('Preview event').selectOption('message.sent');
    await visible(exampleBody('message.sent'));
    await viewportShot(page, page.getByRole('region', { name: 'Example body' }), 'webhook-payload-format');

    await page.getByRole('button', { name: 'Test common URL' }).click();
    const passed = page.getByRole('region', { name: /^Passed Test of message\.sent/ });
    await visible(passed);
    expect(await passed.getByLabel('Request sent').textContent()).toContain('webhook-format: flat_event');
    expect(marketing.received).toHaveLength(1);
    expect(marketing.received[0].headers['webhook-format']).toBe('flat_event');
    expect(JSON.parse(marketing.received[0].body)).toMatchObject({ event: 'message sent', sending_type: 'email' });
  });

  it('fits the format select and the preview in a phone-wide window', async () => {
    await page.setViewportSize(PHONE);
    try {
      await visible(exampleBody('message.sent'));
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      const select = await page.getByLabel('Payload format').boundingBox();
      expect(select!.x + select!.width).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  });

  it('saves the format, names it on the card, and the saved endpoint’s test send uses it', async () => {
    await page.getByRole('button', { name: 'Save endpoint' }).click();
    await visible(page.getByRole('heading', { name: 'Endpoint “Marketing” saved' }));
    await page.getByRole('button', { name: 'Done' }).click();
    await visible(card().getByText('Flat marketing events (flat_event)', { exact: true }));
    const [saved] = await hub.sql('SELECT payload_format, event_types FROM endpoints');
    expect(saved).toEqual({ payload_format: 'flat_event', event_types: ['message.sent', 'lead.captured'] });

    const before = marketing.received.length;
    await card().getByRole('button', { name: 'Send test' }).click();
    expect(await card().getByLabel('Event to send').inputValue()).toBe('message.sent');
    await card().getByRole('button', { name: 'Send now' }).click();
    await visible(card().getByRole('region', { name: /^Passed Test of message\.sent/ }));
    await marketing.waitFor(before + 1);
    expect(marketing.received[before].headers['webhook-format']).toBe('flat_event');
    expect(JSON.parse(marketing.received[before].body)).toMatchObject({ event: 'message sent' });
  });
});
