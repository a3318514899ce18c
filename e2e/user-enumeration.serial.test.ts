import { fetchJson } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './support/platform.js';
import { signUpStudentByEvents } from './support/security-cast.js';
import { timedRequests } from './support/timed-requests.js';
import { compareTimings, interleaved } from './support/timing-leak.js';

const ADMIN = { email: 'enum-admin@campus.test', password: 'Admin-pass-42!' };
const KNOWN = { email: 'enum-known@berkeley.edu', password: 'Known-2026-pass!', name: 'Kno Wn' };
const PASSWORD = 'Some-2026-password!';

/** What each route is sent for an email: a wrong password where one is checked, a strong one to register. */
const ROUTES: Record<string, (email: string) => unknown> = {
  '/api/student/login': (email) => ({ email, password: 'Wrong-2026-guess!' }),
  '/api/user/login': (email) => ({ email, password: 'Wrong-2026-guess!' }),
  '/api/student/register': (email) => ({ email, password: PASSWORD, name: 'Some One' }),
  '/api/user/request-reset': (email) => ({ email }),
  '/api/user/resend-confirm': (email) => ({ email }),
  '/api/user/magic-link': (email) => ({ email }),
};

// Whether an address has an account must not show, neither in what the sign-in, registration and
// email-link routes answer nor in how long they take.
describe('user enumeration by message and by timing (embedded platform)', () => {
  let testPlatform: TestPlatform;
  let authUrl: string;
  let fresh = 0;
  const unknownEmail = () => `enum-ghost-${fresh++}@berkeley.edu`;

  beforeAll(async () => {
    testPlatform = await startTestPlatform('enumeration', {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_DEMO: '0',
    });
    await signUpStudentByEvents(testPlatform, KNOWN);
    authUrl = testPlatform.platform.serviceUrls.auth!;
  }, 120_000);
  afterAll(() => testPlatform?.stop());

  it('answers a known and an unknown email alike on every route, through the gateway', async () => {
    for (const [path, body] of Object.entries(ROUTES)) {
      const known = await testPlatform.api(path, { body: body(KNOWN.email) });
      const unknown = await testPlatform.api(path, { body: body(unknownEmail()) });
      expect({ path, status: unknown.status, body: unknown.body }).toEqual({
        path,
        status: known.status,
        body: known.body,
      });
      expect(known.status, path).toBeLessThan(500);
    }
  });

  // 200 tries per route (100 of each, interleaved), at the auth service itself: the gateway's limits
  // (a few tries per address an hour) would answer 429 long before, and it adds the same work to both.
  it.each(['/api/student/login', '/api/student/register', '/api/user/request-reset', '/api/user/magic-link'])(
    '%s takes as long for a known email as for an unknown one',
    async (path) => {
      const expected = await fetchJson(`${authUrl}${path}`, { body: ROUTES[path]!(KNOWN.email) });
      const kinds = interleaved(200);
      const answers = await timedRequests(
        kinds.map((kind) => ({
          url: `${authUrl}${path}`,
          body: ROUTES[path]!(kind === 'known' ? KNOWN.email : unknownEmail()),
        })),
      );
      for (const answer of answers) {
        expect({ status: answer.status, body: JSON.parse(answer.body) }).toEqual({
          status: expected.status,
          body: expected.body,
        });
      }
      const known = answers.filter((_, i) => kinds[i] === 'known').map((answer) => answer.ms);
      const unknown = answers.filter((_, i) => kinds[i] === 'unknown').map((answer) => answer.ms);
      const result = compareTimings(known, unknown);
      const round = (ms: number) => Math.round(ms * 10) / 10;
      expect(
        result.leaks,
        `${path}: known − unknown ${round(result.shiftMs)} ms (median of pairs), spread ${round(result.spreadMs)} ms`,
      ).toBe(false);
    },
    90_000,
  );
});
