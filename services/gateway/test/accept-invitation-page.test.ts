import { MemoryStore } from '@sproul/common/cache';
import { loadConfig } from '@sproul/common/config';
import { testLogger } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';
import { start } from '../src/index.js';

// The page itself; what it does in a browser is e2e/accept-invitation.browser.test.ts.
describe('/accept-invitation (the officer invitation page)', () => {
  let gateway: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    gateway = await start({
      config: loadConfig(configSchema, { PORT: '0', FRONTEND_BASE_URL: 'https://web.test' }),
      logger: testLogger(),
      store: new MemoryStore(),
    });
  });
  afterAll(() => gateway?.stop());

  it('is served without a token, uncached, sending no Referer, its script a file the CSP allows', async () => {
    const page = await fetch(`${gateway.url}/accept-invitation?token=abc`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script src="/accept-invitation.js" defer></script>');
    expect(html).not.toMatch(/<script>|\son\w+=/); // nothing inline
    expect(html).toContain('<noscript>');
    // Where the new officer signs in: the web app's sign-in page.
    expect(html).toContain('href="https://web.test/signin"');
    for (const id of ['name', 'password', 'password-again']) expect(html).toContain(`<label for="${id}">`);

    const script = await fetch(`${gateway.url}/accept-invitation.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    const source = await script.text();
    expect(() => new Function(source)).not.toThrow(); // parses
    expect(source).not.toContain('innerHTML');
  });

  it('is a page of the gateway alone: other methods and paths below it are JSON errors', async () => {
    const post = await fetch(`${gateway.url}/accept-invitation`, { method: 'POST' });
    expect(post.status).toBeGreaterThanOrEqual(400);
    expect(post.status).toBeLessThan(500);
    expect(await post.json()).toMatchObject({ status: 'error' });
    expect((await fetch(`${gateway.url}/accept-invitation/x`)).status).toBe(404);
  });
});
