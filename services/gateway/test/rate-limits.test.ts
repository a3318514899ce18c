import { createHttpApp, listen, loadConfig, MemoryStore, type RunningServer } from '@sproul/common';
import { infraAvailable, infraUrls, testLogger } from '@sproul/common/testing';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';
import { start } from '../src/index.js';

/** A stand-in auth service that echoes what it was sent. */
async function echoService() {
  const { app } = createHttpApp({
    service: 'auth',
    logger: testLogger(),
    routes(app) {
      app.post(/.*/, (req, res) => {
        res.json({ received: req.body });
      });
    },
  });
  return listen(app);
}

describe.each(['memory', 'redis'] as const)('gateway rate limits (%s)', async (kind) => {
  const available = kind === 'memory' || (await infraAvailable('redis'));
  let service: RunningServer;
  let gateway: Awaited<ReturnType<typeof start>>;
  let redis: ReturnType<typeof createClient> | undefined;
  const store = new MemoryStore();

  beforeAll(async () => {
    if (!available) return;
    service = await echoService();
    if (kind === 'redis') {
      redis = createClient({ url: infraUrls.redis });
      await redis.connect();
      // Each run starts with clean counters: its own keys only.
      for (const key of await redis.keys('sproul:ratelimit:*')) await redis.del(key);
    }
    const config = loadConfig(configSchema, {
      PORT: '0',
      AUTH_URL: service.url,
      // Windows of about a second instead of minutes, so that the reset can be observed.
      RATE_LIMIT_FACTOR: '0.002',
    });
    gateway = await start({ config, logger: testLogger(), store, rateLimitRedis: redis });
  });
  afterAll(async () => {
    await gateway?.stop();
    await service?.close(0);
    await redis?.quit();
    await store.close();
  });

  const post = (path: string, body: unknown, ip = '203.0.113.7') =>
    fetch(`${gateway.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify(body),
    });

  it.skipIf(!available)('forwards the body it read, unchanged', async () => {
    const res = await post('/api/user/login', { email: 'body@berkeley.edu', password: 'p', unicode: 'ünï' });
    expect(await res.json()).toEqual({
      received: { email: 'body@berkeley.edu', password: 'p', unicode: 'ünï' },
    });
  });

  it.skipIf(!available)('forwards the body it read whatever the case of its media type', async () => {
    for (const type of ['APPLICATION/JSON', 'Application/Json; charset=UTF-8', 'application/vnd.x+json']) {
      const res = await fetch(`${gateway.url}/api/user/login`, {
        method: 'POST',
        headers: { 'content-type': type, 'x-forwarded-for': '203.0.113.99' },
        body: JSON.stringify({ email: `case-${type.length}@berkeley.edu`, password: 'p' }),
        signal: AbortSignal.timeout(5_000),
      });
      expect(res.status, type).toBe(200);
      expect(await res.json()).toEqual({
        received: { email: `case-${type.length}@berkeley.edu`, password: 'p' },
      });
    }
  });

  it.skipIf(!available)(
    'limits sign-in attempts per account, with Retry-After, and resets after the window',
    async () => {
      for (let i = 0; i < 10; i++)
        expect(
          (await post('/api/user/login', { email: 'victim@berkeley.edu', password: `guess${i}` })).status,
        ).toBe(200);
      const refused = await post(
        '/api/user/login',
        { email: ' Victim@Berkeley.edu ', password: 'guess' },
        '198.51.100.9',
      );
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await refused.json()).toMatchObject({
        status: 'error',
        reason: expect.stringMatching(/^Too many requests/),
      });
      // Another account from the same address is not affected.
      expect((await post('/api/user/login', { email: 'other@berkeley.edu', password: 'x' })).status).toBe(
        200,
      );
      await new Promise((resolve) => setTimeout(resolve, 1_600));
      expect(
        (await post('/api/user/login', { email: 'victim@berkeley.edu', password: 'again' })).status,
      ).toBe(200);
    },
  );

  it.skipIf(!available)('limits each address across accounts', async () => {
    let status = 200;
    let sent = 0;
    while (status === 200 && sent < 40) {
      status = (
        await post('/api/monitor/login', { email: `spray${sent}@berkeley.edu`, password: 'x' }, '192.0.2.44')
      ).status;
      sent += 1;
    }
    expect(status).toBe(429);
    expect(sent).toBe(31);
    expect(
      (await post('/api/monitor/login', { email: 'spray0@berkeley.edu', password: 'x' }, '192.0.2.45'))
        .status,
    ).toBe(200);
  });

  it.skipIf(!available)('limits mail-sending requests per address: three an hour', async () => {
    for (let i = 0; i < 3; i++)
      expect((await post('/api/user/request-reset', { email: 'inbox@berkeley.edu' })).status).toBe(200);
    expect((await post('/api/user/magic-link', { email: 'inbox@berkeley.edu' }, '192.0.2.99')).status).toBe(
      429,
    );
  });

  it.skipIf(!available)('leaves other routes and methods alone', async () => {
    for (let i = 0; i < 40; i++) {
      const res = await fetch(`${gateway.url}/api/user/confirm/abc`, {
        headers: { 'x-forwarded-for': '192.0.2.200' },
      });
      expect(res.status).not.toBe(429);
    }
  });
});
