import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStore } from '@sproul/common/cache';
import { loadConfig } from '@sproul/common/config';
import { testLogger } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';
import { devMail, fromThisMachine } from '../src/dev-mail.js';
import { start } from '../src/index.js';

// What aws-ses-v2-local's GET /store answers, appended in the order it accepted the emails.
const email = (to: string, subject: string, body: { html?: string; text: string }, at: number) => ({
  destination: { to: [to] },
  subject,
  body,
  at,
});
const stored = [
  email('a@x.org', 'First', { html: '<p>one</p>', text: 'one' }, 1_700_000_000),
  email('b@x.org', 'Second <b>', { html: '<p>two</p><script>alert(1)</script>', text: 'two' }, 1_700_000_005),
  email('c@x.org', 'Third', { text: 'three only' }, 1_700_000_005),
];

async function fakeEmulator() {
  const server = createServer((req, res) => {
    if (req.url !== '/store') return void res.writeHead(404).end();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ templates: {}, emails: stored }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const gatewayWith = (env: Record<string, string>) =>
  start({
    config: loadConfig(configSchema, { PORT: '0', ...env }),
    logger: testLogger(),
    store: new MemoryStore(),
  });

describe('/_dev/mail (the embedded mode sent mail)', () => {
  let emulator: Awaited<ReturnType<typeof fakeEmulator>>;
  let withMail: Awaited<ReturnType<typeof start>>;
  let without: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    emulator = await fakeEmulator();
    withMail = await gatewayWith({ DEV_MAIL_URL: emulator.url });
    without = await gatewayWith({});
  });
  afterAll(async () => {
    await withMail?.stop();
    await without?.stop();
    emulator?.close();
  });

  it('lists what the emulator accepted, newest first, as {to, subject, html, text, sentAt}', async () => {
    const answer = await fetch(`${withMail.url}/_dev/mail.json`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual([
      { to: 'c@x.org', subject: 'Third', html: null, text: 'three only', sentAt: '2023-11-14T22:13:25.000Z' },
      {
        to: 'b@x.org',
        subject: 'Second <b>',
        html: '<p>two</p><script>alert(1)</script>',
        text: 'two',
        sentAt: '2023-11-14T22:13:25.000Z',
      },
      {
        to: 'a@x.org',
        subject: 'First',
        html: '<p>one</p>',
        text: 'one',
        sentAt: '2023-11-14T22:13:20.000Z',
      },
    ]);
  });

  it('shows each email in a sandboxed frame, its text beside, under the gateway headers', async () => {
    const page = await fetch(`${withMail.url}/_dev/mail`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await page.text();
    expect(html.indexOf('Third')).toBeLessThan(html.indexOf('First'));
    // The email's HTML only inside the frame's srcdoc, escaped: its script never runs in the page.
    expect(html).not.toContain('<script>');
    expect(html).toContain('<iframe sandbox title="Second &#60;b&#62;" srcdoc="&#60;p&#62;two');
    expect(html).toContain('<pre>three only</pre>');
  });

  it('does not exist without DEV_MAIL_URL (every mode but npm start)', async () => {
    for (const path of ['/_dev/mail', '/_dev/mail.json']) {
      const answer = await fetch(`${without.url}${path}`);
      expect(answer.status).toBe(404);
      expect(await answer.json()).toMatchObject({ status: 'error' });
    }
  });

  it('shows sent mail to this machine only: from the network the pages are not there', async () => {
    for (const address of ['127.0.0.1', '127.3.4.5', '::1', '::ffff:127.0.0.1']) {
      expect(fromThisMachine(address), address).toBe(true);
    }
    for (const address of ['192.0.2.7', '10.0.0.1', '::ffff:192.0.2.7', 'fd00::2', '', undefined]) {
      expect(fromThisMachine(address), String(address)).toBe(false);
    }
    // The router hands a request from elsewhere on (to the gateway's 404) without reading the store.
    const router = devMail(emulator.url);
    const passedOn = await new Promise<unknown>((resolve) => {
      const req = {
        method: 'GET',
        url: '/_dev/mail.json',
        headers: {},
        socket: { remoteAddress: '192.0.2.7' },
      };
      const res = { json: () => resolve('answered'), send: () => resolve('answered') };
      router(req as never, res as never, (error?: unknown) => resolve(error ?? 'passed on'));
    });
    expect(passedOn).toBe('passed on');
  });
});
