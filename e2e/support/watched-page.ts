import type { Browser } from 'playwright-core';

/**
 * A new page that notes what a visitor would notice going wrong: console errors and uncaught
 * exceptions (`problems`), and requests to anywhere but `base` (`outside`; URLs matching `local`, such
 * as a frame's `about:srcdoc`, do not count).
 */
export async function watchedPage(browser: Browser, base: string, local?: RegExp) {
  const page = await browser.newPage();
  const problems: string[] = [];
  const outside: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !local?.test(url)) outside.push(url);
  });
  return { page, problems, outside };
}
