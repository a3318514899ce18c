import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, noBrowser } from './support/browser.js';
import { devMailTo } from './support/mail.js';
import { startTestPlatform, type TestPlatform } from './support/platform.js';
import { watchedPage } from './support/watched-page.js';

const OFFICER = 'bearbots@berkeley.edu'; // the demo officer of `npm start`

// A newcomer asks for a password reset and opens /_dev/mail: the email shows as a mail client would
// show it, under the gateway's CSP, with nothing blocked and nothing fetched from elsewhere.
describe.skipIf(noBrowser)('/_dev/mail in a browser', () => {
  let testPlatform: TestPlatform;
  let browser: Browser;
  beforeAll(async () => {
    testPlatform = await startTestPlatform('dev-mail', {
      SEED_DEMO: '1',
      FRONTEND_BASE_URL: 'http://web.test',
    });
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await testPlatform?.stop();
  });

  it('shows the reset email rendered in its frame, its button linking the reset page', async () => {
    const base = testPlatform.platform.url;
    expect((await testPlatform.api('/api/user/request-reset', { body: { email: OFFICER } })).status).toBe(
      200,
    );
    await devMailTo(base, OFFICER, 'Reset your password');

    const { page, problems, outside } = await watchedPage(browser, base, /^(about:|data:)/);
    await page.goto(`${base}/_dev/mail`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sent mail');
    const email = page.frameLocator('iframe[title="Reset your password"]').first();
    await email.getByText('Reset Your Password').waitFor();
    const button = email.getByRole('link', { name: 'Reset Password' }).first();
    expect(await button.getAttribute('href')).toMatch(/^http:\/\/web\.test\/resetpassword\?token=\S+$/);
    await page.getByText('Plain text').first().click();
    expect(await page.locator('pre').first().textContent()).toContain(
      'Reset Password: http://web.test/resetpassword?token=',
    );
    await page.screenshot({ path: path.join(tmpdir(), 'sproul-dev-mail.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
  });
});
