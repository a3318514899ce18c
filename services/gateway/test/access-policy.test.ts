import type { IncomingHttpHeaders } from 'node:http';
import type { TokenVerifier } from '@sproul/common/auth';
import { AppError } from '@sproul/common/errors';
import { describe, expect, it } from 'vitest';
import { createAccessPolicy } from '../src/access-policy.js';
import type { HeaderPairs } from '../src/access-verdict.js';
import { parseOrigins } from '../src/cors.js';

// Only 'good' verifies; the real verifier's refusals are AppErrors of its own reasons.
const verifier = {
  verify: async (token: string) => {
    if (token === 'good') return { sub: 'user-1' };
    throw new AppError(
      'AUTH.INVALID_TOKEN',
      401,
      token === 'revoked' ? 'Token has been revoked' : 'Invalid token',
    );
  },
} as unknown as TokenVerifier;

const policy = createAccessPolicy({
  origins: parseOrigins('https://sproul.club,http://localhost:*'),
  bodyLimitBytes: 1024,
  verifier,
});

const header = (pairs: HeaderPairs, name: string) => {
  const at = pairs.findIndex((value, i) => i % 2 === 0 && value === name);
  return at === -1 ? undefined : pairs[at + 1];
};

describe('the gateway’s access policy (both lanes ask it)', () => {
  // request → verdict: what each rule decides, with the rule's name as the case's label.
  it.each<[string, string, IncomingHttpHeaders, unknown]>([
    ['not a service route', '/healthz', {}, { own: true }],
    ['public route, no token', '/api/user/login', {}, { forward: { service: 'auth' } }],
    ['public catalog', '/api/catalog/tags', {}, { forward: { service: 'catalog' } }],
    ['ticket QR (signed payload)', '/api/tickets/a.b.c/qr.png', {}, { forward: { service: 'engagement' } }],
    [
      'calendar feed (secret token)',
      '/api/student/calendar/tok.ics',
      {},
      { forward: { service: 'engagement' } },
    ],
    ['event RSVP counts', '/api/clubs/c/events/e/rsvp', {}, { forward: { service: 'engagement' } }],
    [
      'RSVP list needs a token',
      '/api/clubs/c/events/e/rsvps',
      {},
      { reject: { status: 401, reason: 'Missing Authorization Header' } },
    ],
    [
      'calendar URL needs a token',
      '/api/student/calendar',
      {},
      { reject: { status: 401, reason: 'Missing Authorization Header' } },
    ],
    ['admin web app (its calls need a token)', '/admin/clubs', {}, { forward: { service: 'monitor' } }],
    [
      'token required',
      '/api/admin/profile',
      {},
      { reject: { status: 401, reason: 'Missing Authorization Header' } },
    ],
    [
      'bearer scheme only',
      '/api/admin/profile',
      { authorization: 'Token good' },
      { reject: { status: 401, reason: "Bad Authorization header. Expected value 'Bearer <JWT>'" } },
    ],
    [
      'one token, no spaces',
      '/api/admin/profile',
      { authorization: 'Bearer  good' },
      { reject: { status: 401, reason: "Bad Authorization header. Expected value 'Bearer <JWT>'" } },
    ],
    [
      'token verified',
      '/api/admin/profile',
      { authorization: 'Bearer bad' },
      { reject: { status: 401, reason: 'Invalid token' } },
    ],
    [
      'revocation reported',
      '/api/admin/profile',
      { authorization: 'bearer revoked' },
      { reject: { status: 401, reason: 'Token has been revoked' } },
    ],
    [
      'valid token, any scheme case',
      '/api/media/x',
      { authorization: 'BEARER good' },
      { forward: { service: 'media' } },
    ],
    ['dot segments', '/api/catalog/../metrics', {}, { reject: { status: 400, reason: 'Bad request path' } }],
    [
      'encoded dot segments',
      '/api/catalog/%2e%2e/metrics',
      {},
      { reject: { status: 400, reason: 'Bad request path' } },
    ],
    [
      'body limit (public route)',
      '/api/user/login',
      { 'content-length': '1025' },
      { reject: { status: 413, reason: 'Request body is too large' } },
    ],
    [
      'body limit (after the token)',
      '/api/admin/profile',
      { authorization: 'Bearer good', 'content-length': '1025' },
      { reject: { status: 413, reason: 'Request body is too large' } },
    ],
    [
      'an upload route takes its own limit',
      '/api/admin/upload-logo',
      {
        authorization: 'Bearer good',
        'content-length': String(2 * 1024 * 1024),
        'content-type': 'Multipart/form-data; boundary=x',
      },
      { forward: { service: 'media' } },
    ],
    [
      'and no more',
      '/api/admin/upload-logo',
      { authorization: 'Bearer good', 'content-length': String(3 * 1024 * 1024) },
      { reject: { status: 413, reason: 'Request body is too large' } },
    ],
    [
      'multipart elsewhere keeps the general limit',
      '/api/media/upload',
      {
        authorization: 'Bearer good',
        'content-length': '99999',
        'content-type': 'Multipart/form-data; boundary=x',
      },
      { reject: { status: 413, reason: 'Request body is too large' } },
    ],
    ['at the limit', '/api/user/login', { 'content-length': '1024' }, { forward: { service: 'auth' } }],
  ])('%s: %s', async (_rule, path, headers, expected) => {
    expect(await policy.check({ path, headers })).toMatchObject(expected as object);
  });

  it('gives forwarded answers the security headers, and CORS headers for allowed origins only', async () => {
    const forwarded = async (origin?: string) => {
      const verdict = await policy.check({ path: '/api/catalog/tags', headers: origin ? { origin } : {} });
      if (!('forward' in verdict)) throw new Error('not forwarded');
      return verdict.forward.headers;
    };
    for (const origin of ['https://sproul.club', 'http://localhost:3000']) {
      const headers = await forwarded(origin);
      expect(header(headers, 'access-control-allow-origin')).toBe(origin);
      expect(header(headers, 'access-control-expose-headers')).toContain('x-request-id');
    }
    for (const origin of [undefined, 'https://evil.example', 'https://sproul.club.evil.example']) {
      const headers = await forwarded(origin);
      expect(header(headers, 'access-control-allow-origin')).toBeUndefined();
      expect(header(headers, 'vary')).toBe('Origin');
      expect(header(headers, 'x-content-type-options')).toBe('nosniff');
      expect(header(headers, 'strict-transport-security')).toBeTruthy();
      expect(header(headers, 'content-security-policy')).toBeTruthy();
    }
    // The same headers on the gateway's own answers.
    expect(policy.answerHeaders('https://sproul.club')).toEqual(await forwarded('https://sproul.club'));
  });

  it('answers preflights with the methods and request headers the upstream client uses', () => {
    const headers = policy.preflightHeaders('https://sproul.club');
    expect(header(headers, 'access-control-allow-origin')).toBe('https://sproul.club');
    expect(header(headers, 'access-control-allow-methods')).toContain('PATCH');
    expect(header(headers, 'access-control-allow-headers')?.split(',')).toEqual(
      expect.arrayContaining([
        'authorization',
        'content-type',
        'access-control-allow-origin',
        'ngrok-skip-browser-warning',
      ]),
    );
    // Named, not upstream's `CORS_HEADERS = '*'` (spec §6.2 #2).
    expect(header(headers, 'access-control-allow-headers')?.split(',')).not.toContain('*');
    expect(
      header(policy.preflightHeaders('https://evil.example'), 'access-control-allow-origin'),
    ).toBeUndefined();
  });

  it('decides without a promise when no token needs verifying', () => {
    expect(policy.check({ path: '/api/catalog/tags', headers: {} })).not.toBeInstanceOf(Promise);
    expect(policy.check({ path: '/api/admin/profile', headers: {} })).not.toBeInstanceOf(Promise);
  });
});
