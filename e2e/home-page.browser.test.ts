import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, noBrowser } from './support/browser.js';
import { startTestPlatform, type TestPlatform } from './support/platform.js';
import { watchedPage } from './support/watched-page.js';

// A newcomer opens the URL `npm start` printed: a readable page, the way to the docs, and a student
// sign-in that works with nothing configured.
describe.skipIf(noBrowser)('home page (/) in a browser', () => {
  let testPlatform: TestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    testPlatform = await startTestPlatform('home-page', { SEED_DEMO: '1' });
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await testPlatform?.stop();
  });

  it('shows what runs and the demo accounts, and its docs link opens the API documentation', async () => {
    const { page, problems, outside } = await watchedPage(browser, testPlatform.platform.url);
    await page.goto(`${testPlatform.platform.url}/`);
    expect(await page.title()).toBe('sproul.club platform');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('sproul.club platform');
    const accounts = page.getByRole('table');
    expect(await accounts.getByRole('cell', { name: 'bearbots@berkeley.edu' }).count()).toBe(1);
    expect(await accounts.getByRole('cell', { name: 'demo.student@berkeley.edu' }).count()).toBe(1);
    await page.screenshot({ path: path.join(tmpdir(), 'sproul-home-page.png'), fullPage: true });
    expect(outside).toEqual([]);

    await page.getByRole('link', { name: 'API documentation' }).click();
    await page.waitForURL('**/api/docs/**');
    // The groups start collapsed: opening one shows its operations.
    await page
      .locator('.opblock-tag', { hasText: /^Accounts/ })
      .first()
      .click({ timeout: 15_000 });
    await page.waitForSelector('.opblock-summary-path', { timeout: 15_000 });
    expect(problems).toEqual([]);
  });

  it('signs a student in through the development sign-on page', async () => {
    const page = await browser.newPage();
    await page.goto(`${testPlatform.platform.url}/`);
    await page.getByRole('link', { name: 'Student sign-in' }).click();
    await page.getByRole('heading', { name: 'Development sign-in' }).waitFor();
    expect(await page.getByLabel('Student email').inputValue()).toBe('demo.student@berkeley.edu');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/api/student/login' && url.searchParams.has('code'));
    const answer = JSON.parse((await page.locator('body').textContent()) ?? '');
    expect(answer).toMatchObject({
      profile: { email: 'demo.student@berkeley.edu' },
      token: { access: expect.any(String), refresh: expect.any(String) },
    });
  });
});
