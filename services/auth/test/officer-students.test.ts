import { fetchJson } from '@sproul/common/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHarness, startAuth } from './auth-harness.js';
import { claimsOf, PASSWORD, type Tokens, teamFixtures } from './team-fixtures.js';

/**
 * Issue 20's "accepting creates or upgrades the account": a student who joins a club's team gets
 * officer sessions from the officer sign-ins, and stays a student on the student side.
 */
describe('students who are also officers', () => {
  let auth: AuthHarness;
  let team: ReturnType<typeof teamFixtures>;
  let club: Awaited<ReturnType<ReturnType<typeof teamFixtures>['registerClub']>>;
  beforeAll(async () => {
    auth = await startAuth();
    team = teamFixtures(auth);
    club = await team.registerClub('student-club-owner@berkeley.edu', 'Cal Students');
  }, 60_000);
  afterAll(() => auth?.close());

  const post = (path: string, body: unknown, token?: string) => fetchJson(auth.url(path), { body, token });
  const refresh = (prefix: string, tokens: Tokens) =>
    fetchJson(auth.url(`${prefix}/refresh`), { method: 'POST', token: tokens.refresh });
  const studentLogin = async (email: string) => {
    const res = await post('/api/student/login', { email, password: PASSWORD });
    expect(res.status).toBe(200);
    return res.body as Tokens;
  };
  /** A confirmed student account with a password, and a student session of it. */
  async function student(email: string) {
    const registered = await post('/api/student/register', { email, password: PASSWORD, name: 'Stu' });
    expect(registered.status).toBe(200);
    const link = await auth.emailLink(email, 'confirm-email');
    expect((await fetchJson(link.replace('http://api.test', auth.service.url))).status).toBe(302); // to the web app
    return studentLogin(email);
  }

  it('a student accepting an invitation gets an officer session for the club; student sign-in stays student', async () => {
    const email = 'upgraded@berkeley.edu';
    const before = await student(email);
    expect(claimsOf(before.access)).toMatchObject({ role: 'student', club: null });
    const { token } = await team.invite(club.tokens.access, email);
    const accepted = await team.accept(token);
    expect(accepted.status).toBe(200);
    expect(claimsOf(accepted.body.access)).toMatchObject({ role: 'officer', club: club.clubId });
    // Refresh keeps an officer session acting as the officer of its club.
    const refreshed = await refresh('/api/user', accepted.body);
    expect(claimsOf(refreshed.body.access)).toMatchObject({ role: 'officer', club: club.clubId });
    // The officer token reaches the team routes.
    expect((await fetchJson(auth.url('/api/user/team'), { token: refreshed.body.access })).status).toBe(200);

    // The student side: student tokens, no club, also after refresh (the student session opened
    // before the grant included).
    for (const session of [before, await studentLogin(email)]) {
      const again = await refresh('/api/student', session);
      expect(again.status).toBe(200);
      expect(claimsOf(again.body.access)).toMatchObject({ role: 'student', club: null });
    }
    expect(claimsOf((await studentLogin(email)).access)).toMatchObject({ role: 'student', club: null });

    // /api/user/login with the student's password: officer tokens for the club.
    expect(claimsOf((await team.login(email)).access)).toMatchObject({ role: 'officer', club: club.clubId });
  });

  it('/api/user/login refuses a student who runs no club as before (400, as a wrong password)', async () => {
    await student('plain-student@berkeley.edu');
    const res = await post('/api/user/login', { email: 'plain-student@berkeley.edu', password: PASSWORD });
    const wrong = await post('/api/user/login', {
      email: 'plain-student@berkeley.edu',
      password: 'Nope-4-ever!',
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(wrong.body);
  });

  it('a student without a password may set one when accepting (policy checked), then sign in as officer', async () => {
    const email = 'sso-student@berkeley.edu';
    await student(email);
    // As a campus sign-on student: no password.
    await auth.db.execute(sql`update auth.accounts set password_hash = null where email = ${email}`);
    const { token } = await team.invite(club.tokens.access, email);
    expect((await fetchJson(auth.url(`/api/user/invitations/${token}`))).body).toMatchObject({
      account_exists: true,
      password_accepted: true,
    });
    expect((await team.accept(token, { password: 'weak' })).status).toBe(400);
    const accepted = await team.accept(token, { password: PASSWORD });
    expect(accepted.status).toBe(200);
    expect(claimsOf(accepted.body.access)).toMatchObject({ role: 'officer', club: club.clubId });
    expect(claimsOf((await team.login(email)).access)).toMatchObject({ role: 'officer', club: club.clubId });
  });

  it('an account with a password keeps it: a password sent when accepting is ignored', async () => {
    const email = 'keeps-password@berkeley.edu';
    await student(email);
    const { token } = await team.invite(club.tokens.access, email);
    expect((await fetchJson(auth.url(`/api/user/invitations/${token}`))).body.password_accepted).toBe(false);
    expect((await team.accept(token, { password: 'Other-pass-77!' })).status).toBe(200);
    await team.login(email); // the old password still works
    const other = await post('/api/user/login', { email, password: 'Other-pass-77!' });
    expect(other.status).toBe(400);
  });

  it('losing the last club ends the student’s officer session on refresh (401); its student sessions live on', async () => {
    const email = 'leaving@berkeley.edu';
    const studentSession = await student(email);
    const { token } = await team.invite(club.tokens.access, email);
    const officer = (await team.accept(token)).body as Tokens;
    const me = claimsOf(officer.access).sub;
    const left = await fetchJson(auth.url(`/api/user/team/officers/${me}`), {
      method: 'DELETE',
      token: officer.access,
    });
    expect(left.status).toBe(200);
    const ended = await refresh('/api/user', officer);
    expect(ended).toMatchObject({ status: 401, body: { status: 'error' } });
    // Ended for good, not only this once.
    expect((await refresh('/api/user', officer)).status).toBe(401);
    const stillStudent = await refresh('/api/student', studentSession);
    expect(stillStudent.status).toBe(200);
    expect(claimsOf(stillStudent.body.access)).toMatchObject({ role: 'student', club: null });
    // And /api/user/login refuses it again.
    expect((await post('/api/user/login', { email, password: PASSWORD })).status).toBe(400);
  });

  it('switch-club from a student session makes it an officer session of that club', async () => {
    const email = 'switcher@berkeley.edu';
    const session = await student(email);
    const { token } = await team.invite(club.tokens.access, email);
    expect((await team.accept(token)).status).toBe(200);
    const switched = await post('/api/user/switch-club', { club_id: club.clubId }, session.access);
    expect(switched.status).toBe(200);
    expect(claimsOf(switched.body.access)).toMatchObject({ role: 'officer', club: club.clubId });
    const refreshed = await refresh('/api/user', switched.body);
    expect(claimsOf(refreshed.body.access)).toMatchObject({ role: 'officer', club: club.clubId });
  });

  it('a magic link is an officer sign-in: officer tokens for a student running a club, student ones otherwise', async () => {
    const link = async (email: string) => {
      await post('/api/user/magic-link', { email });
      const url = await auth.emailLink(email, 'magic-link');
      return fetchJson(url.replace('http://api.test', auth.service.url));
    };
    await student('magic-plain@berkeley.edu');
    const plain = await link('magic-plain@berkeley.edu');
    expect(claimsOf(plain.body.access)).toMatchObject({ role: 'student', club: null });
    expect(claimsOf((await refresh('/api/user', plain.body)).body.access)).toMatchObject({
      role: 'student',
      club: null,
    });

    await student('magic-officer@berkeley.edu');
    const { token } = await team.invite(club.tokens.access, 'magic-officer@berkeley.edu');
    expect((await team.accept(token)).status).toBe(200);
    const officer = await link('magic-officer@berkeley.edu');
    expect(claimsOf(officer.body.access)).toMatchObject({ role: 'officer', club: club.clubId });
  });
});
