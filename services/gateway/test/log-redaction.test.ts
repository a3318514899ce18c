import { randomBytes } from 'node:crypto';
import { MemoryStore } from '@sproul/common/cache';
import { loadConfig } from '@sproul/common/config';
import { createHttpApp, listen, type RunningServer } from '@sproul/common/http';
import { redactUrl } from '@sproul/common/logging';
import { capturingLogger, eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';
import { start } from '../src/index.js';

const secret = () => randomBytes(32).toString('base64url');

describe('single-use tokens in request URLs', () => {
  const gatewayLog = capturingLogger();
  const serviceLog = capturingLogger();
  let service: RunningServer;
  let gateway: Awaited<ReturnType<typeof start>>;
  const store = new MemoryStore();

  beforeAll(async () => {
    // Logged by the same shared request logging as auth's.
    const { app } = createHttpApp({
      service: 'auth',
      logger: serviceLog.logger,
      routes(app) {
        app.all(/.*/, (_req, res) => {
          res.json({ ok: true });
        });
      },
    });
    service = await listen(app);
    const config = loadConfig(configSchema, {
      PORT: '0',
      AUTH_URL: service.url,
      JWKS_URL: `${service.url}/.well-known/jwks.json`,
    });
    gateway = await start({ config, logger: gatewayLog.logger, store });
  });
  afterAll(async () => {
    await gateway?.stop();
    await service?.close(0);
    await store.close();
  });

  it('are not written to the gateway’s or the service’s logs, on either lane, in any spelling', async () => {
    const tokens: string[] = [];
    const token = () => {
      const value = secret();
      tokens.push(value);
      return value;
    };
    // Auth's email links (confirm, magic link) and the single sign-on callback; `%` paths take the
    // gateway's express lane, the others its fast lane.
    const urls = [
      `/api/user/confirm/${token()}`,
      `/api/user/CONFIRM/${token()}/`,
      `/api/user/confirm/${token()}?utm=mail`,
      `/api/user/magic-link/${token()}`,
      `/api/user/Magic-Link/${token()}#top`,
      `/api/user/magic-link/${token()}%7E`,
      `/api/student/login?code=${token()}&state=${token()}`,
      `/api/student/login?%63ode=${token()}&STATE=${token()}&scope=openid`,
      `/api/student/login/?x=1&code=${token()}`,
      // An officer invitation's preview, which its page fetches.
      `/api/user/invitations/${token()}`,
      `/api/user/Invitations/${token()}?x=1`,
    ];
    // (Other spellings are not public at the gateway: answered 401 there, and logged there only.)
    let forwarded = 0;
    for (const url of urls) if ((await fetch(`${gateway.url}${url}`)).status === 200) forwarded += 1;
    // The invitation page, the gateway's own, with the token in its query.
    expect((await fetch(`${gateway.url}/accept-invitation?token=${token()}`)).status).toBe(200);
    expect(forwarded).toBeGreaterThanOrEqual(6);
    const completed = (lines: string[]) => lines.filter((line) => line.includes('request completed')).length;
    await eventually(
      () => completed(gatewayLog.lines) > urls.length && completed(serviceLog.lines) >= forwarded,
    );
    const logs = [...gatewayLog.lines, ...serviceLog.lines].join('');
    for (const value of tokens) expect(logs).not.toContain(value);
    // The rest of each URL is still there to read.
    expect(logs).toContain('/api/user/confirm/[redacted]?utm=mail');
    expect(logs).toContain('scope=openid');
    expect(logs).toContain('/api/user/invitations/[redacted]');
  });

  it('keeps URLs without secrets as they were', () => {
    for (const url of [
      '/api/catalog/clubs?search=confirm&page=2',
      '/api/user/confirm-reset',
      '/api/user/magic-link',
      '/api/user/invitations/accept',
      '/api/user/team/invitations/0b7e2c1a-5d7e-4f1e-9a3c-2f0d6c1b8e4a',
    ]) {
      expect(redactUrl(url)).toBe(url);
    }
    expect(redactUrl('/api/student/login?code=abc&state=def')).toBe(
      '/api/student/login?code=[redacted]&state=[redacted]',
    );
  });
});
