import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { commonConfigSchema, loadConfig } from '@sproul/common/config';
import { configSchema as gatewayConfigSchema } from '@sproul/gateway';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedPlatform, startEmbedded } from '../scripts/src/platform.js';
import { launchBrowser, noBrowser } from './support/browser.js';
import { freePort } from './support/processes.js';
import { watchedPage } from './support/watched-page.js';

// A person opening the API documentation in a browser: Swagger UI must render under the gateway's
// security headers (CSP), with the platform's routes listed.
describe.skipIf(noBrowser)('API documentation page (/api/docs)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sproul-docs-'));
  let platform: EmbeddedPlatform;
  let browser: Browser;

  beforeAll(async () => {
    const env = { PORT: String(await freePort()), DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    platform = await startEmbedded({
      ...loadConfig(gatewayConfigSchema, env),
      ...loadConfig(commonConfigSchema, env),
      PORT: Number(env.PORT),
    });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('renders the documented routes, grouped, without console errors', async () => {
    const { page, problems } = await watchedPage(browser, platform.url);
    await page.goto(`${platform.url}/api/docs`);
    // Every group is listed, collapsed; opening one shows its operations.
    await page.waitForSelector('.opblock-tag', { timeout: 15_000 });
    for (const group of ['Accounts', 'Catalog']) {
      await page
        .locator('.opblock-tag', { hasText: new RegExp(`^${group}`) })
        .first()
        .click();
    }
    await page.waitForSelector('.opblock-summary-path', { timeout: 15_000 });
    const paths = await page.locator('.opblock-summary-path').allTextContents();
    expect(paths.map((p) => p.replace(/\u200b/g, ''))).toEqual(
      expect.arrayContaining(['/api/user/register', '/api/catalog/tags']),
    );
    expect(await page.locator('.opblock-tag').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Accounts'), expect.stringContaining('Catalog')]),
    );
    await page.screenshot({ path: path.join(tmpdir(), 'sproul-api-docs.png') });
    expect(problems).toEqual([]);
  });
});
