import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './support/platform.js';

const ADMIN = { email: 'protect-admin@campus.test', password: 'Admin-pass-42!' };
const APP = 'https://app.sproul.test';

/** One answer of each service through the gateway, and the gateway's own: a success and an error each. */
const ANSWERS: [label: string, path: string, token?: 'admin'][] = [
  ['auth (jwks)', '/.well-known/jwks.json'],
  ['auth (error)', '/api/user/team'],
  ['catalog', '/api/catalog/tags'],
  ['catalog (error)', '/api/catalog/organizations/no-such-club'],
  ['media (error)', '/api/admin/gallery-media'],
  ['mailer (error)', '/api/mail/unsubscribe'],
  ['monitor', '/api/stats/public'],
  ['monitor (admin)', '/api/monitor/overview/stats/sign-up', 'admin'],
  ['engagement (error)', '/api/clubs/no-such-club/membership'],
  ['gateway (404)', '/api/nothing-here'],
  ['gateway (docs)', '/api/openapi.json'],
];

// What a browser relies on, on every answer through the gateway whichever service gave it (each
// service also runs helmet, createHttpApp: an answer must carry each header once, not twice), and the
// limits on the routes attackers aim at, with `npm start`'s settings but for the allowed origin.
describe('the gateway’s protections on every service’s answers (embedded platform)', () => {
  let testPlatform: TestPlatform;
  let base: string;
  let adminToken: string;

  beforeAll(async () => {
    testPlatform = await startTestPlatform('protections', {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_DEMO: '0',
      CORS_ORIGINS: APP,
    });
    base = testPlatform.platform.url;
    adminToken = (await testPlatform.api('/api/monitor/login', { body: ADMIN })).body.access;
  }, 120_000);
  afterAll(() => testPlatform?.stop());

  it('sets the security headers once on every answer: CSP with frame-ancestors, nosniff, frame options, HSTS, no X-Powered-By', async () => {
    const rows: string[] = [];
    for (const [label, path, token] of ANSWERS) {
      const res = await fetch(`${base}${path}`, {
        headers: token ? { authorization: `Bearer ${adminToken}` } : {},
      });
      await res.arrayBuffer();
      const csp = res.headers.get('content-security-policy') ?? '';
      const problems = [
        !/frame-ancestors 'self'|frame-ancestors 'none'/.test(csp) && 'CSP without frame-ancestors',
        // Two policies (the service's and the gateway's) would be joined into one header value.
        (csp.match(/default-src/g) ?? []).length !== 1 && 'no CSP, or two',
        res.headers.get('x-content-type-options') !== 'nosniff' && 'no nosniff',
        !/^(SAMEORIGIN|DENY)$/.test(res.headers.get('x-frame-options') ?? '') && 'no X-Frame-Options',
        !/max-age=\d{7,}/.test(res.headers.get('strict-transport-security') ?? '') && 'no HSTS',
        res.headers.get('x-powered-by') !== null && 'X-Powered-By',
      ].filter(Boolean);
      rows.push(`${label} ${path} ${res.status}: ${problems.join(', ') || 'ok'}`);
    }
    expect(
      rows.filter((row) => !row.endsWith(': ok')),
      rows.join('\n'),
    ).toEqual([]);
  });

  it('allows the configured origin and no other, on answers and on preflights', async () => {
    const call = (origin: string, method = 'GET') =>
      fetch(`${base}/api/catalog/tags`, {
        method,
        headers:
          method === 'OPTIONS'
            ? {
                origin,
                'access-control-request-method': 'POST',
                'access-control-request-headers': 'authorization',
              }
            : { origin },
      });
    const allowed = await call(APP);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP);
    expect(allowed.headers.get('vary')).toMatch(/origin/i);
    const foreign = await call('https://evil.example');
    // Answered (CORS is the browser's to enforce), but nothing lets a foreign page read it.
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(foreign.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await call(APP, 'OPTIONS');
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const foreignPreflight = await call('https://evil.example', 'OPTIONS');
    expect(foreignPreflight.headers.get('access-control-allow-origin')).toBeNull();
    // A look-alike of the allowed origin is foreign too.
    const lookalike = await call(`${APP}.evil.example`);
    expect(lookalike.headers.get('access-control-allow-origin')).toBeNull();
  });

  /** Sends `count` requests at once; answers each status, and the first 429's headers and body. */
  async function burst(path: string, bodies: unknown[]) {
    const answers = await Promise.all(
      bodies.map(async (body) => {
        const res = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: APP },
          body: JSON.stringify(body),
        });
        return { status: res.status, headers: res.headers, body: await res.json() };
      }),
    );
    return { statuses: answers.map((a) => a.status), limited: answers.find((a) => a.status === 429) };
  }

  const expectLimited = (limited: Awaited<ReturnType<typeof burst>>['limited']) => {
    expect(limited, 'a 429 among the answers').toBeDefined();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    // A script on the allowed origin may read when to retry.
    expect(limited!.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(limited!.body).toMatchObject({ status: 'error', reason: expect.any(String) });
    expect(limited!.body).toHaveProperty('data');
  };

  it('limits registrations from one address: 429 with Retry-After and the error envelope', async () => {
    const { statuses, limited } = await burst(
      '/api/student/register',
      Array.from({ length: 12 }, (_, i) => ({
        email: `burst-${i}@berkeley.edu`,
        password: 'Burst-2026-pass!',
        name: 'Bur St',
      })),
    );
    // Ten registrations an address per 10 minutes: the rest are refused before auth hashes anything.
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
    expectLimited(limited);
  });

  it('limits password guesses on one account: 429 with Retry-After and the error envelope', async () => {
    const { statuses, limited } = await burst(
      '/api/user/login',
      Array.from({ length: 12 }, () => ({ email: ADMIN.email, password: 'Wrong-guess-2026!' })),
    );
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(2);
    expect(statuses.every((status) => [400, 401, 429].includes(status))).toBe(true);
    expectLimited(limited);
  });
});
