import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './support/platform.js';

const ADMIN = { email: 'limits-admin@campus.test', password: 'Admin-pass-42!' };

/** A sign-in attempt through the gateway, any method, path spelling, body type or Basic credentials. */
async function attempt(
  base: string,
  path: string,
  init: { method?: string; type?: string; body?: unknown; basic?: [string, string] } = {},
) {
  const headers: Record<string, string> = {};
  if (init.type) headers['content-type'] = init.type;
  if (init.basic) headers.authorization = `Basic ${Buffer.from(init.basic.join(':')).toString('base64')}`;
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'POST',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer();
  return res.status;
}

// Issue 15's reproduction, against the real auth service behind the gateway (`npm start`'s composition).
describe('password guessing through the gateway (embedded platform)', () => {
  let testPlatform: TestPlatform;

  beforeAll(async () => {
    testPlatform = await startTestPlatform('sign-in-limits', {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_DEMO: '0',
    });
  }, 120_000);
  afterAll(() => testPlatform?.stop());

  it('gives an account ten guesses in all, whichever way they come, then refuses even the right password', async () => {
    const base = testPlatform.platform.url;
    const guess = { email: ADMIN.email, password: 'wrong-guess' };
    const ways: (() => Promise<number>)[] = [
      () => attempt(base, '/api/monitor/login/', { type: 'application/json', body: guess }),
      () => attempt(base, '/api/monitor/login', { type: 'APPLICATION/JSON', body: guess }),
      () => attempt(base, '/api/monitor/login', { type: 'application/vnd.x+json', body: guess }),
      () => attempt(base, '/api/user/LOGIN', { type: 'application/json', body: guess }),
      () => attempt(base, '/api/user/login', { method: 'GET', basic: [ADMIN.email.toUpperCase(), 'wrong'] }),
      () => attempt(base, '/api/user', { method: 'GET', basic: [ADMIN.email, 'wrong'] }),
    ];
    for (let i = 0; i < 10; i++) {
      const status = await ways[i % ways.length]!();
      // Refused as a bad password (400 or 401), answered at once (no 504), never limited yet.
      expect([400, 401], `guess ${i}`).toContain(status);
    }
    const right = { email: ADMIN.email, password: ADMIN.password };
    expect(await attempt(base, '/api/monitor/login', { type: 'application/json', body: right })).toBe(429);
    expect(await attempt(base, '/api/monitor/login/', { type: 'application/json', body: right })).toBe(429);
    expect(
      await attempt(base, '/api/user/login', { method: 'GET', basic: [ADMIN.email, ADMIN.password] }),
    ).toBe(429);
  });
});
