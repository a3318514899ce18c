import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { MemoryStore } from '@sproul/common/cache';
import { loadConfig } from '@sproul/common/config';
import { createHttpApp, listen, type RunningServer } from '@sproul/common/http';
import { eventually, infraAvailable, infraUrls, testLogger } from '@sproul/common/testing';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';
import { start } from '../src/index.js';
import { addressKey } from '../src/rate-limit-keys.js';
import { ruleFor } from '../src/rate-limit-matching.js';

/**
 * A stand-in auth service that answers every method and path with what it was sent: 401 when the
 * password (in the body or Basic credentials) is `guess`, as a wrong guess would be, else 200.
 */
async function echoService() {
  const { app } = createHttpApp({
    service: 'auth',
    logger: testLogger(),
    routes(app) {
      app.all(/.*/, (req, res) => {
        const body = req.body as { password?: unknown; old_password?: unknown } | undefined;
        const basic = Buffer.from((req.headers.authorization ?? '').slice(6), 'base64').toString();
        const wrong =
          body?.password === 'guess' || body?.old_password === 'guess' || basic.endsWith(':guess');
        res
          .status(wrong ? 401 : 200)
          .json({ method: req.method, path: req.path, received: req.body ?? null });
      });
    },
  });
  return listen(app);
}

interface Answer {
  status: number;
  body: string;
}

/**
 * A raw HTTP request (fetch would tidy the path: `/./`, `%6C`), answered or failed within 5 s, so
 * that a gateway which stalls fails the test instead of holding it.
 */
function send(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer,
): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: body ? { ...headers, 'content-length': String(body.length) } : headers,
        timeout: 5_000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within 5 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
/** An unsigned token with the given subject: enough for the limiter, which only reads `sub`. */
const bearerOf = (sub: string) =>
  `Bearer e30.${Buffer.from(JSON.stringify({ sub })).toString('base64url')}.c2ln`;

type Attempt = (base: string, account: string, headers: Record<string, string>) => Promise<Answer>;

const post =
  (path: string, type = 'application/json', encode: (body: unknown) => Buffer = json): Attempt =>
  (base, account, headers) =>
    send(
      base,
      'POST',
      path,
      { ...headers, 'content-type': type },
      encode({ email: account, password: 'guess' }),
    );
const withBasic =
  (method: string, path: string, scheme = 'Basic'): Attempt =>
  (base, account, headers) =>
    send(base, method, path, {
      ...headers,
      authorization: basic(account, 'guess').replace('Basic', scheme),
    });

/** Every way found to reach a password check: methods, schemes, path spellings, body types. */
const CREDENTIAL_ATTEMPTS: Record<string, Attempt> = {
  'POST /api/user/login': post('/api/user/login'),
  'POST /api/user/login/': post('/api/user/login/'),
  'POST /api/user/LOGIN': post('/api/user/LOGIN'),
  'POST /api/user/Login/': post('/api/user/Login/'),
  'POST /api/user/login//': post('/api/user/login//'),
  'POST /api/user//login': post('/api/user//login'),
  'POST /api/user/%6Cogin': post('/api/user/%6Cogin'),
  'POST /api/user/login?next=1': post('/api/user/login?next=1'),
  'POST /api/user/login#frag': post('/api/user/login#frag'),
  'POST /api/monitor/login/': post('/api/monitor/login/'),
  'POST /api/monitor/login/./': post('/api/monitor/login/./'),
  'POST /api/student/login/': post('/api/student/login/'),
  'POST /api/student/login/x/..': post('/api/student/login/x/..'),
  'POST application/vnd.x+json': post('/api/user/login', 'application/vnd.x+json'),
  'POST APPLICATION/JSON': post('/api/user/login', 'APPLICATION/JSON'),
  'POST application/json; charset=utf-16le': post(
    '/api/user/login',
    'application/json; charset=utf-16le',
    (body) => Buffer.from(JSON.stringify(body), 'utf16le'),
  ),
  'POST gzip-encoded JSON': (base, account, headers) =>
    send(
      base,
      'POST',
      '/api/user/login',
      { ...headers, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      gzipSync(json({ email: account, password: 'guess' })),
    ),
  'GET /api/user/login (Basic)': withBasic('GET', '/api/user/login'),
  'HEAD /api/user/login (Basic)': withBasic('HEAD', '/api/user/login'),
  'GET /api/user/login/ (BASIC)': withBasic('GET', '/api/user/login/', 'BASIC'),
  'GET /api/user (Basic)': withBasic('GET', '/api/user'),
  'GET /api/user/ (basic)': withBasic('GET', '/api/user/', 'basic'),
  'PATCH /api/user (Basic)': withBasic('PATCH', '/api/user'),
  'DELETE /api/USER (Basic)': withBasic('DELETE', '/api/user/'),
  'PUT /api/user/login': (base, account, headers) =>
    send(
      base,
      'PUT',
      '/api/user/login',
      { ...headers, 'content-type': 'application/json' },
      json({ email: account, password: 'guess' }),
    ),
};

const allowed = (answer: Answer) => answer.status !== 429;

describe.each(['memory', 'redis'] as const)('gateway rate limits (%s)', async (kind) => {
  const available = kind === 'memory' || (await infraAvailable('redis'));
  // This run's own counters: other processes on the same Redis keep theirs.
  const keyPrefix = `test:${randomUUID()}:ratelimit`;
  let service: RunningServer;
  let redis: ReturnType<typeof createClient> | undefined;
  const gateways: Awaited<ReturnType<typeof start>>[] = [];
  const stores: MemoryStore[] = [];

  async function gateway(settings: Record<string, string> = {}) {
    const store = new MemoryStore();
    stores.push(store);
    const config = loadConfig(configSchema, {
      PORT: '0',
      AUTH_URL: service.url,
      CATALOG_URL: service.url,
      MONITOR_URL: service.url,
      ENGAGEMENT_URL: service.url,
      JWKS_URL: `${service.url}/.well-known/jwks.json`,
      PROXY_TIMEOUT_MS: '3000',
      RATE_LIMIT_PREFIX: `${keyPrefix}:${gateways.length}`,
      ...settings,
    });
    const running = await start({ config, logger: testLogger(), store, rateLimitRedis: redis });
    gateways.push(running);
    return running.url;
  }

  // A gateway behind a proxy on loopback, so that each test can speak for many client addresses.
  let proxied: string;
  let ips = 0;
  const nextIp = () => `198.51.${Math.floor(ips / 250)}.${(ips++ % 250) + 1}`;
  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  beforeAll(async () => {
    if (!available) return;
    service = await echoService();
    if (kind === 'redis') {
      redis = createClient({ url: infraUrls.redis });
      await redis.connect();
    }
    proxied = await gateway({ TRUST_PROXY: 'loopback' });
  });
  afterAll(async () => {
    for (const running of gateways) await running.stop();
    await service?.close(0);
    if (redis) {
      for await (const keys of redis.scanIterator({ MATCH: `${keyPrefix}:*`, COUNT: 1000 })) {
        if (keys.length > 0) await redis.del(keys);
      }
      await redis.quit();
    }
    for (const store of stores) await store.close();
  });

  it.skipIf(!available)(
    'forwards the body it read, whatever JSON type, charset or encoding, without stalling',
    async () => {
      const body = { email: 'body@berkeley.edu', password: 'p', unicode: 'ünï' };
      for (const [type, encode] of [
        ['application/json', json],
        ['APPLICATION/JSON', json],
        ['Application/Json; Charset=UTF-8', json],
        ['application/vnd.x+json', json],
        [
          'application/json; charset=utf-16le',
          (value: unknown) => Buffer.from(JSON.stringify(value), 'utf16le'),
        ],
      ] as const) {
        const answer = await send(
          proxied,
          'POST',
          '/api/user/login',
          { 'content-type': type, ...from(nextIp()) },
          encode(body),
        );
        expect(answer.status, type).toBe(200);
        expect(JSON.parse(answer.body).received, type).toEqual(body);
      }
      const gzipped = await send(
        proxied,
        'POST',
        '/api/user/login',
        { 'content-type': 'application/json', 'content-encoding': 'gzip', ...from(nextIp()) },
        gzipSync(json(body)),
      );
      expect(JSON.parse(gzipped.body).received).toEqual(body);
      // A body the service would refuse is not read, and reaches it as sent.
      const text = await send(
        proxied,
        'POST',
        '/api/user/login',
        { 'content-type': 'text/plain', ...from(nextIp()) },
        Buffer.from('hi'),
      );
      expect(text.status).toBe(415);
    },
  );

  it.skipIf(!available)(
    'counts every way of trying a password against one allowance per account (10 per 10 minutes)',
    async () => {
      for (const [name, attempt] of Object.entries(CREDENTIAL_ATTEMPTS)) {
        // Ten tries this way, each from another address, then the plain sign-in is refused...
        const account = `${randomUUID()}@berkeley.edu`;
        for (let i = 0; i < 10; i++)
          expect(allowed(await attempt(proxied, account, from(nextIp()))), name).toBe(true);
        const refused = await CREDENTIAL_ATTEMPTS['POST /api/user/login']!(
          proxied,
          ` ${account.toUpperCase()} `,
          from(nextIp()),
        );
        expect(refused.status, name).toBe(429);
        // ...and the other way round: once the plain sign-in is spent, this way is refused too.
        const other = `${randomUUID()}@berkeley.edu`;
        for (let i = 0; i < 10; i++)
          expect(
            allowed(await CREDENTIAL_ATTEMPTS['POST /api/user/login']!(proxied, other, from(nextIp()))),
            name,
          ).toBe(true);
        expect((await attempt(proxied, other, from(nextIp()))).status, name).toBe(429);
      }
    },
  );

  it.skipIf(!available)(
    'counts a change of password against the signed-in account, whatever the path spelling',
    async () => {
      const sub = randomUUID();
      const paths = [
        '/api/admin/change-password',
        '/api/admin/change-password/',
        '/api/admin/change-password?x',
        '/api/admin/change-password/./',
      ];
      for (let i = 0; i < 10; i++) {
        const answer = await send(
          proxied,
          'POST',
          paths[i % paths.length]!,
          {
            ...from(nextIp()),
            authorization: bearerOf(sub),
            'content-type': 'application/json',
          },
          json({ old_password: 'guess', new_password: 'x' }),
        );
        expect(allowed(answer)).toBe(true);
      }
      const refused = await send(proxied, 'POST', '/api/admin/change-password/', {
        ...from(nextIp()),
        authorization: bearerOf(sub),
      });
      expect(refused.status).toBe(429);
    },
  );

  it.skipIf(!available)(
    'counts each client address across accounts and ways (30 a minute), ignoring X-Forwarded-For by default',
    async () => {
      const direct = await gateway(); // TRUST_PROXY unset: the socket's address counts
      const attempts = Object.values(CREDENTIAL_ATTEMPTS);
      for (let i = 0; i < 30; i++) {
        const answer = await attempts[i % attempts.length]!(
          direct,
          `${randomUUID()}@berkeley.edu`,
          from(nextIp()),
        );
        expect(allowed(answer), `attempt ${i}`).toBe(true);
      }
      for (const [name, attempt] of Object.entries(CREDENTIAL_ATTEMPTS)) {
        expect((await attempt(direct, `${randomUUID()}@berkeley.edu`, from(nextIp()))).status, name).toBe(
          429,
        );
      }
      // Behind a trusted proxy, its X-Forwarded-For names the client: another address is not affected.
      expect(
        allowed(
          await CREDENTIAL_ATTEMPTS['POST /api/user/login']!(proxied, 'spray@berkeley.edu', from(nextIp())),
        ),
      ).toBe(true);
    },
  );

  it.skipIf(!available)(
    'limits mail-sending requests per account (three an hour), whatever the spelling',
    async () => {
      const account = `${randomUUID()}@berkeley.edu`;
      const ways = [
        post('/api/user/request-reset'),
        post('/api/user/MAGIC-LINK/', 'application/vnd.api+json'),
        post('/api/user/resend-confirm?x=1', 'APPLICATION/JSON'),
      ];
      for (const way of ways) expect(allowed(await way(proxied, account, from(nextIp())))).toBe(true);
      for (const way of ways) expect((await way(proxied, account, from(nextIp()))).status).toBe(429);
    },
  );

  it.skipIf(!available)(
    'upstream §6.3 #1, #3: limits /password-strength and /email-exists per client address (60 a minute)',
    async () => {
      for (const path of ['/api/user/password-strength', '/api/user/Email-Exists/']) {
        const ip = nextIp();
        const ask = post(path);
        for (let i = 0; i < 60; i++)
          expect(allowed(await ask(proxied, 'x@berkeley.edu', from(ip))), path).toBe(true);
        expect((await ask(proxied, 'x@berkeley.edu', from(ip))).status, path).toBe(429);
        expect(allowed(await ask(proxied, 'x@berkeley.edu', from(nextIp()))), path).toBe(true);
      }
    },
  );

  it.skipIf(!available)(
    'upstream §6.3 #2: limits registrations per address (5 an hour, any route or spelling), so no one can mail an inbox through them',
    async () => {
      const account = `${randomUUID()}@berkeley.edu`;
      const ways = [post('/api/user/register'), post('/api/student/register/'), post('/api/user/REGISTER')];
      for (let i = 0; i < 5; i++)
        expect(allowed(await ways[i % 3]!(proxied, account, from(nextIp())))).toBe(true);
      for (const way of ways) expect((await way(proxied, account, from(nextIp()))).status).toBe(429);
      expect(allowed(await ways[0]!(proxied, `other-${account}`, from(nextIp())))).toBe(true);
    },
  );

  it.skipIf(!available)(
    'refuses with Retry-After and the error envelope, and lets the account in again after the window',
    async () => {
      const quick = await gateway({ TRUST_PROXY: 'loopback', RATE_LIMIT_FACTOR: '0.01' }); // 6 s per account
      const account = `${randomUUID()}@berkeley.edu`;
      const attempt = CREDENTIAL_ATTEMPTS['GET /api/user/login (Basic)']!;
      for (let i = 0; i < 10; i++) expect(allowed(await attempt(quick, account, from(nextIp())))).toBe(true);
      const refused = await attempt(quick, account, from(nextIp()));
      expect(refused.status).toBe(429);
      expect(JSON.parse(refused.body)).toMatchObject({
        status: 'error',
        reason: expect.stringMatching(/^Too many requests/),
      });
      const head = await fetch(`${quick}/api/user/login`, {
        headers: { authorization: basic(account, 'x') },
      });
      expect(Number(head.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      await eventually(async () => allowed(await attempt(quick, account, from(nextIp()))), 30_000, 250);
    },
  );

  it.skipIf(!available)(
    'does not count password checks that succeed, from the account or its address',
    async () => {
      const direct = await gateway(); // one address for all
      const account = `${randomUUID()}@berkeley.edu`;
      const right = { authorization: basic(account, 'right') };
      for (let i = 0; i < 40; i++) {
        expect((await send(direct, 'GET', '/api/user', right)).status, `call ${i}`).toBe(200);
      }
      // Failures still count: ten, then even the right password waits.
      for (let i = 0; i < 10; i++)
        expect((await withBasic('GET', '/api/user')(direct, account, {})).status).toBe(401);
      expect((await send(direct, 'GET', '/api/user', right)).status).toBe(429);
    },
  );

  it.skipIf(!available)('leaves other routes and methods alone', async () => {
    const ip = nextIp();
    for (let i = 0; i < 40; i++) {
      expect((await send(proxied, 'GET', '/api/user/confirm/abc', from(ip))).status).not.toBe(429);
      expect(
        (await send(proxied, 'GET', '/api/user', { ...from(ip), authorization: bearerOf('me') })).status,
      ).not.toBe(429);
    }
  });
});

describe('which requests a limit counts', () => {
  it('finds the rule of every spelling auth’s router could take, and of no other route', () => {
    const name = (path: string, authorization?: string) => ruleFor(path, authorization)?.name;
    for (const path of [
      '/api/user/login',
      '/api/user/LoGiN//',
      '/api/user//login#x',
      '/api/user/%6cogin',
      '/api/user/%256Cogin',
      '/api/user/x/../login',
      '/api/user/./login/.',
      '/api/user/login?next=/',
      '/api/monitor/login/',
      '/api/student/login',
      '/api/admin/change-password/',
    ]) {
      expect(name(path), path).toBe('credentials');
    }
    expect(name('/api/user/Register/')).toBe('register');
    expect(name('/api/user/magic-link//')).toBe('email');
    expect(name('/api/user/phone')).toBe('phone');
    expect(name('/api/user//Phone/verify/')).toBe('phone');
    expect(name('/api/user', basic('a@b.c', 'x'))).toBe('credentials');
    expect(name('/api/user/profile-anything', 'basic eDp5')).toBe('credentials');
    for (const path of [
      '/api/user/login-help',
      '/api/user/refresh',
      '/api/user/magic-link/abc',
      '/api/catalog/login',
    ]) {
      expect(name(path), path).toBeUndefined();
    }
    expect(name('/api/user', 'Bearer a.b.c')).toBeUndefined();
    // Routed to the catalog or the monitor (the route table is case-sensitive), which check no password.
    expect(name('/api/student/LOGIN')).toBeUndefined();
  });

  it('counts an IPv6 client per /64, and an IPv4-mapped one as its IPv4 address', () => {
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe(addressKey('2001:db8:1:2:ffff::1'));
    expect(addressKey('2001:db8:1:2::')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
  });
});
