import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { denylistKeys } from '@sproul/common/auth';
import { MemoryStore } from '@sproul/common/cache';
import { loadConfig } from '@sproul/common/config';
import { createHttpApp, listen, type RunningServer } from '@sproul/common/http';
import { fetchJson, signedClaimAttacks, testLogger, tokenIssuer } from '@sproul/common/testing';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';
import { start } from '../src/index.js';

/** A stand-in auth service that records what reached it (its keys are the token issuer's). */
async function fakeAuth() {
  const seen: { method: string; path: string; requestId?: string; correlationId?: string }[] = [];
  const { app } = createHttpApp({
    service: 'auth',
    logger: testLogger(),
    routes(app) {
      app.use((req, _res, next) => {
        seen.push({
          method: req.method,
          path: req.originalUrl,
          requestId: req.headers['x-request-id'] as string,
          correlationId: req.headers['x-correlation-id'] as string,
        });
        next();
      });
      app.post('/api/user/login', (req, res) => res.json({ echoed: req.body }));
      app.get('/api/user/hang', () => {});
      // Sends its head and part of a small body, then nothing more.
      app.get('/api/user/stall', (_req, res) => {
        res.setHeader('content-length', '100');
        res.write('{"partial":');
      });
    },
  });
  return { server: await listen(app), seen };
}

describe('gateway routing and error answers', () => {
  let auth: Awaited<ReturnType<typeof fakeAuth>>;
  let gateway: Awaited<ReturnType<typeof start>>;
  let refused: Server;
  let base: string;
  const store = new MemoryStore();
  let keys: Awaited<ReturnType<typeof accessTokens>>;

  beforeAll(async () => {
    keys = await accessTokens();
    auth = await fakeAuth();
    // A port that accepts nothing: bind, note it, close.
    refused = createServer();
    await new Promise<void>((resolve) => refused.listen(0, '127.0.0.1', resolve));
    const downPort = (refused.address() as AddressInfo).port;
    await new Promise((resolve) => refused.close(resolve));
    const down = `http://127.0.0.1:${downPort}`;
    const config = loadConfig(configSchema, {
      PORT: '0',
      AUTH_URL: auth.server.url,
      JWKS_URL: `${keys.issuer.url}/.well-known/jwks.json`,
      CATALOG_URL: down,
      MEDIA_URL: down,
      MAILER_URL: down,
      RECOMMENDER_URL: down,
      MONITOR_URL: down,
      ENGAGEMENT_URL: down,
      PROXY_TIMEOUT_MS: '400',
    });
    gateway = await start({ config, logger: testLogger(), store });
    base = gateway.url;
  });
  afterAll(async () => {
    await store.close();
    await gateway?.stop();
    await (auth?.server as RunningServer | undefined)?.close(0);
    await keys?.issuer.close();
  });

  it('streams a request to the owning service, path intact, with a request id', async () => {
    const res = await fetch(`${base}/api/user/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-42' },
      body: JSON.stringify({ email: 'a@berkeley.edu' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ echoed: { email: 'a@berkeley.edu' } });
    expect(auth.seen.at(-1)).toEqual({
      method: 'POST',
      path: '/api/user/login',
      requestId: 'req-42',
      correlationId: 'req-42',
    });
  });

  it('passes on the service’s 400 for malformed JSON and 405 for a wrong method', async () => {
    const bad = await fetch(`${base}/api/user/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ status: 'error', reason: 'Expected JSON in body' });
    const wrong = await fetch(`${base}/api/user/login`, { method: 'PUT' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('refuses a declared body over the limit with 413 before it reaches the service', async () => {
    const before = auth.seen.length;
    const res = await fetch(`${base}/api/user/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ blob: 'x'.repeat(1024 * 1024 + 1) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      status: 'error',
      reason: 'Request body is too large',
      data: null,
    });
    expect(auth.seen.length).toBe(before);
  });

  it('answers unknown routes with a JSON 404 (at the gateway and at the service)', async () => {
    for (const path of ['/api/nope', '/nope', '/api/username']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ status: 'error' });
    }
    const atService = await fetch(`${base}/api/user/not-a-route`, {
      headers: { authorization: `Bearer ${await keys.access()}` },
    });
    expect(atService.status).toBe(404);
    expect((await atService.json()).status).toBe('error');
  });

  it('answers 503 JSON when the owning service is down, with the usual headers', async () => {
    const res = await fetch(`${base}/api/catalog/organizations`, { headers: { 'x-request-id': 'req-503' } });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'error',
      reason: 'The catalog service is unavailable',
      data: { service: 'catalog' },
    });
    expect(res.headers.get('x-request-id')).toBe('req-503');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBeTruthy();
  });

  it('counts proxied answers by service and status, on both lanes and for its own 503s', async () => {
    await fetch(`${base}/api/catalog/organizations`);
    // Sign-in is rate-limited, so it goes through express rather than the fast lane.
    await fetch(`${base}/api/user/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const metrics = await (await fetch(`${gateway.internalUrl}/metrics`)).text();
    expect(metrics).toMatch(/gateway_proxied_requests_total\{service="catalog",status="503"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/gateway_proxied_requests_total\{service="auth",status="200"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/gateway_proxied_request_duration_seconds_count\{service="auth"[^}]*\} [1-9]/);
  });

  it('answers 504 JSON within the route timeout when the service hangs', async () => {
    const started = Date.now();
    const res = await fetch(`${base}/api/user/hang`, {
      headers: { authorization: `Bearer ${await keys.access()}` },
    });
    expect(res.status).toBe(504);
    expect((await res.json()).status).toBe('error');
    expect(Date.now() - started).toBeLessThan(2_000);

    // A small answer that stalls after its head is held whole, so the client still gets the 504.
    const stalled = await fetch(`${base}/api/user/stall`, {
      headers: { authorization: `Bearer ${await keys.access()}` },
    });
    expect(stalled.status).toBe(504);
    expect((await stalled.json()).status).toBe('error');
  });

  it('reports itself not ready while a service is down', async () => {
    const res = await fetch(`${gateway.internalUrl}/readyz`);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.checks.auth.ok).toBe(true);
    expect(body.checks.catalog.ok).toBe(false);
  });
});

describe('gateway token checks and CORS', () => {
  let auth: Awaited<ReturnType<typeof fakeAuth>>;
  let gateway: Awaited<ReturnType<typeof start>>;
  const store = new MemoryStore();
  let keys: Awaited<ReturnType<typeof accessTokens>>;

  beforeAll(async () => {
    keys = await accessTokens();
    auth = await fakeAuth();
    const config = loadConfig(configSchema, {
      PORT: '0',
      AUTH_URL: auth.server.url,
      JWKS_URL: `${keys.issuer.url}/.well-known/jwks.json`,
      CATALOG_URL: auth.server.url,
      MEDIA_URL: auth.server.url,
      MAILER_URL: auth.server.url,
      RECOMMENDER_URL: auth.server.url,
      MONITOR_URL: auth.server.url,
      ENGAGEMENT_URL: auth.server.url,
      CORS_ORIGINS: 'https://sproul.club,https://*.sproul.club,http://localhost:*',
    });
    gateway = await start({ config, logger: testLogger(), store });
  });
  afterAll(async () => {
    await gateway?.stop();
    await auth?.server.close(0);
    await store.close();
    await keys?.issuer.close();
  });

  const protectedCall = (authorization?: string, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}/api/admin/profile`, {
      headers: { ...(authorization ? { authorization } : {}), ...headers },
    });
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('lets a valid access token through to the service', async () => {
    const before = auth.seen.length;
    const res = await protectedCall(`Bearer ${await keys.access()}`);
    expect(res.status).toBe(404); // the stand-in has no such route: what matters is that it was reached
    expect(auth.seen.length).toBe(before + 1);
  });

  it('takes the Bearer scheme in any case (RFC 9110), and nothing that only starts like it', async () => {
    const token = await keys.access();
    for (const scheme of ['bearer', 'BEARER', 'bEaReR']) {
      const before = auth.seen.length;
      expect((await protectedCall(`${scheme} ${token}`)).status).toBe(404);
      expect(auth.seen.length).toBe(before + 1);
    }
    const before = auth.seen.length;
    for (const header of [`Bearer${token}`, `Bearerx ${token}`, `Bearer  ${token}`, 'Bearer ']) {
      expect((await protectedCall(header)).status).toBe(401);
    }
    expect(auth.seen.length).toBe(before);
  });

  it('passes a well-formed correlation id on and replaces a malformed one, on both lanes', async () => {
    const access = `Bearer ${await keys.access()}`;
    const login = (correlationId: string) =>
      fetch(`${gateway.url}/api/user/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-correlation-id': correlationId },
        body: '{}',
      });
    // A protected route goes the fast lane; a rate-limited one (login) the express lane.
    for (const call of [(id: string) => protectedCall(access, { 'x-correlation-id': id }), login]) {
      await call('flow-7');
      expect(auth.seen.at(-1)?.correlationId).toBe('flow-7');
      await call('not an id; <script>');
      const last = auth.seen.at(-1)!;
      expect(last.correlationId).toBe(last.requestId);
      expect(last.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('refuses bad tokens with 401 before the service sees anything', async () => {
    const valid = await keys.access();
    const [h, p] = valid.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const cases: [string, string | undefined][] = [
      ['missing', undefined],
      ['malformed', 'Bearer not-a-jwt'],
      ['not bearer', `Token ${valid}`],
      ['expired', `Bearer ${await keys.issuer.expired('officer')}`],
      ['tampered', `Bearer ${h}.${b64({ ...claims, role: 'admin' })}.${valid.split('.')[2]}`],
      ['alg none', `Bearer ${b64({ alg: 'none' })}.${p}.`],
      [
        'HS256 with the public key',
        `Bearer ${hs256(b64({ alg: 'HS256', kid: keys.publicJwk.kid }), p, JSON.stringify(keys.publicJwk))}`,
      ],
      ['signed by a stranger', `Bearer ${await keys.issuer.forged('officer')}`],
      ['a refresh token', `Bearer ${await keys.sign({ token_use: 'refresh', gen: 0 })}`],
      // Signed with the issuer's own key, one claim wrong (expired, dated ahead, another issuer…).
      ...(await signedClaimAttacks(valid, keys.issuer.signPayload)).map(
        ([label, token]): [string, string] => [label, `Bearer ${token}`],
      ),
    ];
    const before = auth.seen.length;
    for (const [label, authorization] of cases) {
      const res = await protectedCall(authorization);
      expect(res.status, label).toBe(401);
      expect((await res.json()).status, label).toBe('error');
    }
    expect(auth.seen.length).toBe(before);
  });

  it('refuses a revoked token, and a token of an ended session', async () => {
    const revoked = await keys.sign({ jti: 'revoked-jti' });
    await store.set(denylistKeys.token('revoked-jti'), 'revoked', 60_000);
    const ended = await keys.sign({ sid: 'ended-session' });
    await store.set(denylistKeys.session('ended-session'), 'ended', 60_000);
    for (const token of [revoked, ended]) {
      const res = await protectedCall(`Bearer ${token}`);
      expect(res.status).toBe(401);
      expect((await res.json()).reason).toBe('Token has been revoked');
    }
  });

  it('lets public routes through without a token', async () => {
    for (const path of [
      '/api/user/login',
      '/api/catalog/tags',
      '/.well-known/jwks.json',
      '/api/user/confirm/abc',
      '/api/student/majors',
    ]) {
      const res = await fetch(`${gateway.url}${path}`);
      expect(res.status, path).not.toBe(401);
    }
  });

  it('answers preflights for allowed origins with the headers the upstream client sends', async () => {
    const res = await fetch(`${gateway.url}/api/admin/profile`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.sproul.club',
        'access-control-request-method': 'POST',
        'access-control-request-headers':
          'access-control-allow-origin,content-type,authorization,ngrok-skip-browser-warning',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.sproul.club');
    const allowed = res.headers.get('access-control-allow-headers')!.split(',');
    for (const header of [
      'access-control-allow-origin',
      'content-type',
      'authorization',
      'ngrok-skip-browser-warning',
    ]) {
      expect(allowed).toContain(header);
    }
  });

  it('puts CORS headers on error answers for allowed origins, and none for others', async () => {
    const allowed = await protectedCall(undefined, { origin: 'http://localhost:3000' });
    expect(allowed.status).toBe(401);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    const other = await protectedCall(undefined, { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const missing = await fetch(`${gateway.url}/api/nothing`, { headers: { origin: 'https://sproul.club' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('https://sproul.club');
  });

  it('sets security headers', async () => {
    const res = await fetch(`${gateway.url}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBeTruthy();
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('gives proxied answers the same security, CORS and request-id headers as its own', async () => {
    const own = await fetch(`${gateway.url}/healthz`);
    const res = await protectedCall(`Bearer ${await keys.access()}`, { origin: 'http://localhost:3000' });
    expect(auth.seen.at(-1)!.path).toBe('/api/admin/profile');
    for (const header of ['x-content-type-options', 'strict-transport-security', 'content-security-policy']) {
      expect(res.headers.get(header), header).toBe(own.headers.get(header));
    }
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(res.headers.get('access-control-expose-headers')).toContain('x-request-id');
    expect(res.headers.get('x-request-id')).toBe(auth.seen.at(-1)!.requestId);
    const other = await protectedCall(`Bearer ${await keys.access()}`, { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // Counted per service and status in the gateway's metrics.
    const metrics = await (await fetch(`${gateway.internalUrl}/metrics`)).text();
    expect(metrics).toMatch(/gateway_proxied_requests_total\{service="auth",status="404"[^}]*\} [1-9]/);
  });
});

describe('gateway headers on proxied answers', () => {
  let service: RunningServer;
  let slowStreamClosed = false;
  let gateway: Awaited<ReturnType<typeof start>>;
  const store = new MemoryStore();

  beforeAll(async () => {
    // A bare service: by default a small JSON answer and no headers of its own; a few paths behave badly.
    service = await listen((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/api/catalog/forwarded')) {
        const {
          'x-forwarded-for': forwardedFor,
          'x-forwarded-proto': proto,
          'x-forwarded-host': host,
        } = req.headers;
        res.end(JSON.stringify({ forwardedFor, proto, host }));
        return;
      }
      if (req.url === '/api/catalog/dies-midway') {
        res.setHeader('content-length', '1000');
        res.write('{"partial":');
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      if (req.url === '/api/catalog/dies-midway-large') {
        res.setHeader('content-length', '100000');
        res.write('x'.repeat(40_000));
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      if (req.url === '/api/catalog/every-byte') {
        res.setHeader('content-type', 'application/octet-stream');
        res.end(Buffer.from(Array.from({ length: 256 }, (_, i) => i)));
        return;
      }
      if (req.url === '/api/catalog/unicode') {
        res.end(JSON.stringify({ name: 'Café ☕ 中文 🐻 \u0000' }));
        return;
      }
      if (req.url === '/api/catalog/slow-stream') {
        res.setHeader('content-type', 'text/event-stream');
        res.write('data: 0\n\n');
        const timer = setInterval(() => res.write('data: 1\n\n'), 10);
        res.on('close', () => {
          clearInterval(timer);
          slowStreamClosed = true;
        });
        return;
      }
      if (req.url?.startsWith('/api/catalog/own-policy')) {
        res.setHeader('content-security-policy', "sandbox; default-src 'none'");
        res.setHeader('vary', 'Accept-Language');
      }
      res.end('{"ok":true}');
    });
    const config = loadConfig(configSchema, {
      PORT: '0',
      AUTH_URL: service.url,
      CATALOG_URL: service.url,
      MEDIA_URL: service.url,
      MAILER_URL: service.url,
      RECOMMENDER_URL: service.url,
      MONITOR_URL: service.url,
      ENGAGEMENT_URL: service.url,
      JWKS_URL: `${service.url}/.well-known/jwks.json`,
    });
    gateway = await start({ config, logger: testLogger(), store });
  });
  afterAll(async () => {
    await gateway?.stop();
    await service?.close(0);
    await store.close();
  });

  it('adds its security headers once, and leaves a header the service set itself as the service set it', async () => {
    const own = await fetch(`${gateway.url}/healthz`);
    const plain = await fetch(`${gateway.url}/api/catalog/tags`, {
      headers: { origin: 'http://localhost:3000' },
    });
    expect(await plain.json()).toEqual({ ok: true });
    for (const header of ['content-security-policy', 'strict-transport-security', 'x-frame-options']) {
      expect(plain.headers.get(header), header).toBe(own.headers.get(header));
    }
    expect(plain.headers.get('vary')).toBe('Origin');
    expect(plain.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');

    const custom = await fetch(`${gateway.url}/api/catalog/own-policy`, {
      headers: { origin: 'http://localhost:3000' },
    });
    // One value, the service's (a repeated header would be joined with a comma here).
    expect(custom.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(custom.headers.get('x-content-type-options')).toBe('nosniff');
    expect(custom.headers.get('vary')).toBe('Origin, Accept-Language');
    expect(custom.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('tells the service who asked, for whom and by which scheme (X-Forwarded-*)', async () => {
    const forged = {
      'x-forwarded-for': '198.51.100.7',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'sproul.club',
    };
    const direct = await (await fetch(`${gateway.url}/api/catalog/forwarded`)).json();
    const own = { forwardedFor: '127.0.0.1', proto: 'http', host: new URL(gateway.url).host };
    expect(direct).toEqual(own);
    // From a peer it does not trust (TRUST_PROXY, none by default), a client's own X-Forwarded-* are
    // replaced, on both lanes (a path with `%` takes the express lane), so no service sees a forged address.
    for (const path of ['/api/catalog/forwarded', '/api/catalog/forwarded/%7E']) {
      expect(await (await fetch(`${gateway.url}${path}`, { headers: forged })).json()).toEqual(own);
    }
    // Behind a proxy it trusts, the chain goes on with the proxy's address appended.
    const behindProxy = await start({
      config: loadConfig(configSchema, {
        PORT: '0',
        CATALOG_URL: service.url,
        JWKS_URL: `${service.url}/.well-known/jwks.json`,
        TRUST_PROXY: 'loopback',
      }),
      logger: testLogger(),
      store,
    });
    try {
      const chained = await (
        await fetch(`${behindProxy.url}/api/catalog/forwarded`, { headers: forged })
      ).json();
      expect(chained).toEqual({
        forwardedFor: '198.51.100.7,127.0.0.1',
        proto: 'https,http',
        host: 'sproul.club',
      });
    } finally {
      await behindProxy.stop();
    }
  });

  it('reaches a service at an IPv6 address', async () => {
    const v6 = await listen((_req, res) => res.end('{"via":"ipv6"}'), 0, '::1');
    const viaV6 = await start({
      config: loadConfig(configSchema, { PORT: '0', CATALOG_URL: v6.url, JWKS_URL: `${v6.url}/jwks` }),
      logger: testLogger(),
      store,
    });
    try {
      const res = await fetch(`${viaV6.url}/api/catalog/tags`);
      expect(await res.json()).toEqual({ via: 'ipv6' });
    } finally {
      await viaV6.stop();
      await v6.close(0);
    }
  });

  it('relays small answers byte for byte', async () => {
    const bytes = await fetch(`${gateway.url}/api/catalog/every-byte`);
    expect(Buffer.from(await bytes.arrayBuffer())).toEqual(
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
    );
    const unicode = await fetch(`${gateway.url}/api/catalog/unicode`);
    expect(await unicode.json()).toEqual({ name: 'Café ☕ 中文 🐻 \u0000' });
  });

  it('survives a service that dies mid-answer and a client that leaves mid-answer', async () => {
    // A small answer is sent once whole: cut short, nothing went out yet, so the client gets a 502.
    const cut = await fetch(`${gateway.url}/api/catalog/dies-midway`);
    expect(cut.status).toBe(502);
    expect(await cut.json()).toMatchObject({ status: 'error', data: { service: 'catalog' } });
    // A large one streams: its head went out with its first bytes, so the client sees the answer break off.
    const cutLarge = await fetch(`${gateway.url}/api/catalog/dies-midway-large`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(cutLarge.status).toBe(200);
    await expect(cutLarge.text()).rejects.toThrow();
    // Compressed, it depends on whether the compressor had sent anything yet: if not, the client gets
    // the 502 (it used to get a connection closed without any answer); if so, it sees the break.
    for (let i = 0; i < 5; i++) {
      const compressed = await fetch(`${gateway.url}/api/catalog/dies-midway-large`);
      if (compressed.status === 200) await expect(compressed.text()).rejects.toThrow();
      else expect(await compressed.json()).toMatchObject({ status: 'error', data: { service: 'catalog' } });
      expect([200, 502]).toContain(compressed.status);
    }

    const controller = new AbortController();
    const slow = await fetch(`${gateway.url}/api/catalog/slow-stream`, { signal: controller.signal });
    const reader = slow.body!.getReader();
    await reader.read();
    controller.abort();
    // The service's answer is torn down too, rather than streaming on to nobody.
    await expect.poll(() => slowStreamClosed, { timeout: 2_000 }).toBe(true);

    const after = await fetch(`${gateway.url}/api/catalog/tags`);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ ok: true });
  });
});

/** Officer access tokens from the kit's issuer (the gateway reads its keys), and its public key. */
async function accessTokens() {
  const issuer = await tokenIssuer();
  const jwks = await fetchJson(`${issuer.url}/.well-known/jwks.json`);
  const sign = (claims: Record<string, unknown>) => issuer.token('officer', { claims });
  return { issuer, publicJwk: jwks.body.keys[0] as JWK, sign, access: () => sign({}) };
}

function hs256(header: string, payload: string, secret: string) {
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
