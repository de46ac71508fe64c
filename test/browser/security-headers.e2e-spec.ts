import { Browser, Page } from 'playwright-core';
import { Hub, startHub } from '../harness';
import { collectPageErrors, launchChromium, logIn, WAIT_MS } from './chromium';

/** Every CSP violation the page reports, as the browser's securitypolicyviolation events and console errors. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  // A string: this suite compiles without the DOM types, the page runs it.
  await page.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (event) => window.reportViolation(event.violatedDirective + ' ' + event.blockedURI));",
  });
  return violations;
}

describe('security headers: the admin app and Swagger UI load under their CSP', () => {
  let hub: Hub;
  let browser: Browser;
  beforeAll(async () => {
    hub = await startHub({ env: { TRUST_PROXY: 'loopback' } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('sends CSP with frame-ancestors none, nosniff and a Referrer-Policy on the app and the API; HSTS only over https', async () => {
    for (const path of ['/', '/login', '/api/health', '/api/auth/me']) {
      const res = await fetch(hub.url + path);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    expect((await fetch(`${hub.url}/`)).headers.get('content-security-policy')).toBe(
      "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
    );
    // Behind a trusted TLS-terminating proxy the request is https: then, and only then, HSTS.
    const overTls = await fetch(`${hub.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(overTls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('logs in and opens a page of the admin app with no CSP violation', async () => {
    const page = await browser.newPage({ baseURL: hub.url });
    const violations = await watchViolations(page);
    const errors = collectPageErrors(page);
    await logIn(page, hub.config.adminEmail!);
    await page.goto('/webhooks');
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: WAIT_MS });
    // The stylesheet applied: the app is styled, not bare HTML.
    expect(await page.evaluate<number>('document.styleSheets.length')).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders Swagger UI at /api/docs with no CSP violation', async () => {
    const page = await browser.newPage({ baseURL: hub.url });
    const violations = await watchViolations(page);
    await page.goto('/api/docs');
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: WAIT_MS });
    expect(await page.locator('.opblock').count()).toBeGreaterThan(10);
    expect(violations).toEqual([]);
    await page.close();
  });
});
