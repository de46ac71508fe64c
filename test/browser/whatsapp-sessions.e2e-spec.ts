import { Browser, BrowserContext, Page } from 'playwright-core';
import { WhatsappNodeSimulator } from '../../apps/whatsapp-simulator/src/node-simulator';
import { Hub, startHub } from '../harness';
import { eventually } from '../support/receiver';
import { collectPageErrors, fullPageShot, launchChromium, logIn, newAppContext, onPath, sessionToken, visible, WAIT_MS } from './chromium';

const SECRET = 'node-secret-for-browser-tests-01234';
const CONTACT = '+34612345678';

/**
 * The WhatsApp channel page in Chromium while the simulator plays the node
 * service: the page is opened once and never reloaded, and follows the
 * session from disconnected to waiting for a scan to connected as the
 * simulator reports it; then a contact's conversation shows what came in.
 */
describe('admin app in Chromium: a WhatsApp session, live', () => {
  let hub: Hub;
  let simulator: WhatsappNodeSimulator;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  let sessionId = '';

  beforeAll(async () => {
    simulator = await new WhatsappNodeSimulator({ hubUrl: 'http://127.0.0.1:1', secret: SECRET, ackDelayMs: 100 }).start();
    hub = await startHub({ env: { WHATSAPP_NODE_SECRET: SECRET, WHATSAPP_NODE_URL: simulator.url } });
    simulator.useHub(hub.url);
    browser = await launchChromium();
    context = await newAppContext(browser, hub.url);
    page = await context.newPage();
    collectPageErrors(page, pageErrors);
    await logIn(page, hub.config.adminEmail!);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await simulator?.stop();
    await hub?.close();
  });

  afterEach(() => {
    // An uncaught exception in the app fails the test even when the page looked right.
    expect(pageErrors).toEqual([]);
  });

  const session = () => page.getByRole('region', { name: 'WhatsApp session' });

  it('creates a WhatsApp channel, whose session waits for the node service', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Channels', exact: true }).click();
    await onPath(page, '/channels');
    await page.getByRole('button', { name: /^Add WhatsApp channel/ }).click();
    await page.getByLabel('Name', { exact: true }).fill('Support WhatsApp');
    await page.getByRole('button', { name: 'Create channel' }).click();
    await visible(page.getByText('Channel “Support WhatsApp” created.', { exact: false }));
    sessionId = await session().getByRole('textbox', { name: 'Session id' }).inputValue();
    expect(sessionId).toMatch(/^wa_[A-Za-z0-9_-]{22}$/);
    await visible(session().getByText('Disconnected', { exact: true }));
    await visible(session().getByText('The node service has not reported on this session yet'));
  });

  it('shows the QR to scan as soon as the node reports it, then the connected phone, without a reload', async () => {
    const qr = '2@Qm9vdFN0cmFwUVJmb3JUZXN0cw==,c2ltdWxhdGVkLXB1YmxpYy1rZXk=,aWRlbnRpdHk=';
    expect((await simulator.reportQr(sessionId, qr)).status).toBe(200);
    await visible(session().getByText('Waiting for QR scan', { exact: true }));
    expect(await session().getByRole('group', { name: 'QR code to scan' }).getByRole('textbox', { name: 'QR code content' }).inputValue()).toBe(qr);
    // Drawn as an image to scan, not only text to copy.
    const image = session().getByRole('img', { name: 'QR code to link the WhatsApp session' });
    await visible(image);
    expect(await image.getAttribute('src')).toMatch(/^data:image\/gif;base64,/);
    expect(await image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(100);
    await fullPageShot(page, 'whatsapp-session-qr');

    expect((await simulator.reportConnected(sessionId, '+15555550100')).status).toBe(200);
    await visible(session().getByText('Connected', { exact: true }));
    await visible(session().getByText('+15555550100', { exact: true }));
    expect(await session().getByRole('group', { name: 'QR code to scan' }).count()).toBe(0);
    await fullPageShot(page, 'whatsapp-session-connected');
  });

  it('shows a contact who wrote in, with the conversation both ways and each status', async () => {
    const token = await sessionToken(page);
    const [channel] = await hub.sql<{ id: string }>('SELECT id FROM channels WHERE session_id = $1', [sessionId]);
    expect((await simulator.receive(sessionId, CONTACT, 'Hola, ¿tenéis cita el jueves?', 'María')).answer.status).toBe(200);
    const contact = await eventually(async () => (await hub.sql<{ id: string }>('SELECT id FROM contacts WHERE phone = $1', [CONTACT]))[0], WAIT_MS);
    const sent = await hub.request('POST', '/api/whatsapp/send', { token, body: { channel_id: channel.id, to: CONTACT, body: 'Sí, a las 10:00' } });
    expect(sent.status).toBe(202);

    await page.goto(`/contacts?contact=${contact.id}`);
    await page.getByRole('link', { name: 'Conversation', exact: true }).click();
    await onPath(page, '/messages');
    const conversation = page.getByRole('list', { name: 'Messages, oldest first' });
    await visible(page.getByRole('heading', { name: `Conversation with ${CONTACT}` }));
    await visible(conversation.getByText('Hola, ¿tenéis cita el jueves?'));
    const reply = conversation.getByRole('listitem').filter({ hasText: 'Sí, a las 10:00' });
    // The simulator acknowledges 1 → 2 → 3; the page follows the message to "Opened".
    await visible(reply.getByText('Opened', { exact: true }));
    const items = await conversation.getByRole('listitem').allTextContents();
    expect(items.map((text) => (text.includes('Hola') ? 'in' : 'out'))).toEqual(['in', 'out']);
    await fullPageShot(page, 'whatsapp-conversation');

    // From a message to the same conversation.
    await conversation.getByRole('listitem').first().getByRole('button').click();
    await visible(page.getByRole('heading', { name: /WhatsApp message from \+34612345678/ }));
    await page.getByRole('link', { name: 'Conversation with this contact' }).click();
    await visible(page.getByRole('heading', { name: `Conversation with ${CONTACT}` }));
  });
});
