import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OFFICER_PASSWORD, DEMO_STUDENT_PASSWORD } from '../scripts/src/demo-accounts.js';
import { signInAsStudent } from './support/browse.js';
import { claimsOf } from './support/claims.js';
import { type Api, startTestPlatform, type TestPlatform } from './support/platform.js';

// A newcomer's first `npm start`: the printed URL shows a page, the demo accounts sign in, and
// student sign-on works without configuring a provider.
describe('first use of npm start (embedded platform)', () => {
  let testPlatform: TestPlatform;
  let api: Api;

  beforeAll(async () => {
    testPlatform = await startTestPlatform('first-use', { SEED_DEMO: '1' });
    ({ api } = testPlatform);
  }, 90_000);
  afterAll(() => testPlatform?.stop());

  it('serves a home page at / that lists the docs and the demo accounts', async () => {
    const home = await api('/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(home.body).toContain('<a href="/api/docs">');
    expect(home.body).toContain('bearbots@berkeley.edu');
    expect(home.body).toContain('demo.student@berkeley.edu');
    expect(testPlatform.platform.demoAccounts.map((a) => a.role)).toEqual(['officer', 'student']);
  });

  it('lets the demo officer log in through the gateway and see their club', async () => {
    const login = await api('/api/user/login', {
      body: { email: 'bearbots@berkeley.edu', password: DEMO_OFFICER_PASSWORD },
    });
    expect(login.status).toBe(200);
    const profile = await api('/api/admin/profile', { token: login.body.access });
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ name: 'Bearbots Robotics Collective', confirmed: true });
  });

  it('signs the demo student in through the development OIDC provider, and by password', async () => {
    const signOn = await signInAsStudent(
      `${testPlatform.platform.url}/api/student/login`,
      'demo.student@berkeley.edu',
    );
    expect(signOn.status).toBe(200);
    expect(signOn.body).toMatchObject({
      profile: { email: 'demo.student@berkeley.edu' },
      token: { access: expect.any(String), refresh: expect.any(String) },
    });
    const claims = claimsOf(signOn.body.token.access);
    expect(claims).toMatchObject({ role: 'student', email: 'demo.student@berkeley.edu' });
    // The sign-in went through the development provider's page on loopback.
    expect(signOn.visited.some((hop) => /^POST http:\/\/127\.0\.0\.1:\d+\/interaction\//.test(hop))).toBe(
      true,
    );

    const byPassword = await api('/api/student/login', {
      body: { email: 'demo.student@berkeley.edu', password: DEMO_STUDENT_PASSWORD },
    });
    expect(byPassword.status).toBe(200);
  });

  it('signs in any new campus address, and refuses others as a real provider would be', async () => {
    const fresh = await signInAsStudent(
      `${testPlatform.platform.url}/api/student/login`,
      'new.bear@berkeley.edu',
    );
    expect(fresh.body).toMatchObject({ is_new_user: true, profile: { email: 'new.bear@berkeley.edu' } });
    const outsider = await signInAsStudent(
      `${testPlatform.platform.url}/api/student/login`,
      'someone@gmail.com',
    );
    expect(outsider).toMatchObject({ status: 403, body: { status: 'error' } });
  });
});
