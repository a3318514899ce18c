import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Debian's Chromium: the only browser on build machines (nothing is downloaded). */
export const CHROMIUM = '/usr/bin/chromium';

/** Browser tests skip where Chromium is missing, except under REQUIRE_INFRA=1 (CI), where that fails them. */
export const noBrowser = !existsSync(CHROMIUM) && process.env.REQUIRE_INFRA !== '1';

/** Headless Chromium, without the background traffic (updates, sync) that would add requests to a page's. */
export const launchBrowser = () =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
