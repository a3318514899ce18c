import { fetchJson } from '@sproul/common/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHarness, officerRegistration, startAuth } from './auth-harness.js';

const errorEnvelope = (reason: string | RegExp) => ({
  status: 'error',
  reason: typeof reason === 'string' ? reason : expect.stringMatching(reason),
});

describe('officer accounts (/api/user), upstream-compatible', () => {
  let auth: AuthHarness;
  beforeAll(async () => {
    auth = await startAuth();
    await auth.allowRso(
      'robotics@berkeley.edu',
      'chess@berkeley.edu',
      'reset@berkeley.edu',
      'taken@berkeley.edu',
      'lifetime@berkeley.edu',
      'late@berkeley.edu',
    );
  });
  afterAll(() => auth?.close());

  async function registerAndConfirm(email: string) {
    expect(
      (await fetchJson(auth.url('/api/user/register'), { body: officerRegistration(email) })).status,
    ).toBe(200);
    const link = await auth.emailLink(email, 'confirm-email');
    expect((await fetchJson(link.replace('http://api.test', auth.service.url))).status).toBe(302);
  }
  const login = (email: string, password = 'Robots-4-ever!') =>
    fetchJson(auth.url('/api/user/login'), { body: { email, password } });

  describe('POST /email-exists and /password-strength', () => {
    it('says whether an email is on the RSO list, ignoring case and spaces', async () => {
      expect(
        (await fetchJson(auth.url('/api/user/email-exists'), { body: { email: ' Chess@Berkeley.EDU ' } }))
          .body,
      ).toEqual({
        exists: true,
      });
      expect(
        (await fetchJson(auth.url('/api/user/email-exists'), { body: { email: 'nobody@berkeley.edu' } }))
          .body,
      ).toEqual({
        exists: false,
      });
    });

    it.each([
      ['Robots-4-ever!', true],
      ['short1!', false],
      ['no-digits-here!', false],
      ['n0specialchars', false],
      ['p@ssw0rd', false],
      ['P@SSW0RD', false],
      ['Password1!', false],
      ['iloveyou2024!', false],
    ])('rates %j as strong=%s', async (password, strong) => {
      expect((await fetchJson(auth.url('/api/user/password-strength'), { body: { password } })).body).toEqual(
        {
          strong,
        },
      );
    });

    it('refuses missing and unknown fields with a 400 naming them', async () => {
      const missing = await fetchJson(auth.url('/api/user/email-exists'), { body: {} });
      expect(missing.status).toBe(400);
      expect(missing.body.data).toEqual([{ field: 'email', errors: [expect.any(String)] }]);
      const extra = await fetchJson(auth.url('/api/user/password-strength'), {
        body: { password: 'x', admin: true },
      });
      expect(extra.status).toBe(400);
    });
  });

  describe('POST /register', () => {
    it('creates the account, publishes UserRegistered with the club draft, and asks for a confirmation email', async () => {
      const res = await fetchJson(auth.url('/api/user/register'), {
        body: officerRegistration('Robotics@Berkeley.edu'),
      });
      expect(res).toMatchObject({ status: 200, body: { status: 'success' } });
      const registered = auth.events.find((e) => e.type === 'UserRegistered');
      expect(registered?.data).toMatchObject({
        email: 'robotics@berkeley.edu',
        role: 'officer',
        name: 'Cal Robotics',
        club: {
          name: 'Cal Robotics',
          tags: [4, 0],
          num_users: 2,
          app_required: true,
          new_members: false,
          apply_deadline_start: '2021-01-10T08:00:00.000Z',
          apply_deadline_end: null,
          // No offset given: campus time (Pacific, winter).
          recruiting_start: '2021-01-05T09:00:00.000-08:00',
        },
      });
      const link = await auth.emailLink('robotics@berkeley.edu', 'confirm-email');
      expect(link).toMatch(/^http:\/\/api\.test\/api\/user\/confirm\/[A-Za-z0-9_-]{43}$/);
    });

    it.each([
      [
        'an email not on the RSO list',
        { email: 'stranger@berkeley.edu' },
        404,
        'The provided email is not part of the RSO list!',
      ],
      [
        'a weak password',
        { email: 'chess@berkeley.edu', password: 'chess' },
        400,
        'The password is not strong enough',
      ],
      ['an unknown tag', { email: 'chess@berkeley.edu', tags: [1, 99] }, 400, /validation/],
      ['an unknown size', { email: 'chess@berkeley.edu', num_users: 17 }, 400, /validation/],
      ['more than three tags', { email: 'chess@berkeley.edu', tags: [0, 1, 2, 3] }, 400, /validation/],
      ['no tags', { email: 'chess@berkeley.edu', tags: [] }, 400, /validation/],
      ['a bad date', { email: 'chess@berkeley.edu', recruiting_end: 'next tuesday' }, 400, /validation/],
      ['a malformed email', { email: 'not-an-email', tags: [0] }, 400, /validation/],
      ['an unknown field', { email: 'chess@berkeley.edu', owner: 'me' }, 400, /validation/],
      ['a string for a boolean', { email: 'chess@berkeley.edu', app_required: 'yes' }, 400, /validation/],
    ])('refuses %s', async (_label, overrides, status, reason) => {
      const res = await fetchJson(auth.url('/api/user/register'), {
        body: officerRegistration('x', overrides),
      });
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject(errorEnvelope(reason));
    });

    it('names the unknown tag ids', async () => {
      const res = await fetchJson(auth.url('/api/user/register'), {
        body: officerRegistration('chess@berkeley.edu', { tags: [1, 99] }),
      });
      expect(res.body.data).toEqual([{ field: 'tags', errors: ['unknown tag ids: 99'] }]);
    });

    it('refuses a key left out, as upstream requires every key', async () => {
      const { apply_deadline_end: _omitted, ...body } = officerRegistration('chess@berkeley.edu');
      expect((await fetchJson(auth.url('/api/user/register'), { body })).status).toBe(400);
    });

    it('never says an address is taken: a confirmed account stays, its owner is emailed', async () => {
      await registerAndConfirm('taken@berkeley.edu');
      const again = await fetchJson(auth.url('/api/user/register'), {
        body: officerRegistration('TAKEN@berkeley.edu', { password: 'Other-pass-5!' }),
      });
      expect(again).toMatchObject({ status: 200, body: { status: 'success' } });
      expect(await auth.emailLink('taken@berkeley.edu', 'account-exists')).toBe(
        'http://frontend.test/signin',
      );
      expect((await login('taken@berkeley.edu', 'Other-pass-5!')).status).toBe(400);
      expect((await login('taken@berkeley.edu')).status).toBe(200);
    });
  });

  describe('GET /confirm/:token', () => {
    it('confirms once, redirects to the sign-in page, and publishes AccountConfirmed', async () => {
      await fetchJson(auth.url('/api/user/register'), { body: officerRegistration('chess@berkeley.edu') });
      const link = (await auth.emailLink('chess@berkeley.edu', 'confirm-email')).replace(
        'http://api.test',
        auth.service.url,
      );
      const res = await fetchJson(link);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('http://frontend.test/signin?confirmed=true');
      expect(
        auth.events
          .filter((e) => e.type === 'AccountConfirmed')
          .map((e) => (e.data as { email: string }).email),
      ).toContain('chess@berkeley.edu');
      const reused = await fetchJson(link);
      expect(reused).toMatchObject({ status: 404, body: errorEnvelope('The confirmation link is invalid.') });
    });

    it('refuses a made-up link', async () => {
      expect((await fetchJson(auth.url('/api/user/confirm/not-a-real-token'))).status).toBe(404);
    });

    it('sends a new link on request, even long after registration; the same answer for any email', async () => {
      await fetchJson(auth.url('/api/user/register'), { body: officerRegistration('robotics@berkeley.edu') });
      await auth.expireEmailTokens('confirm');
      const before = auth.events.length;
      for (const email of ['robotics@berkeley.edu', 'nobody@berkeley.edu', 'chess@berkeley.edu']) {
        const res = await fetchJson(auth.url('/api/user/resend-confirm'), { body: { email } });
        expect(res).toMatchObject({ status: 200, body: { status: 'success' } });
      }
      const sent = auth.events.slice(before).filter((e) => e.type === 'EmailRequested');
      expect(sent.map((e) => (e.data as { to: string }).to)).toEqual(['robotics@berkeley.edu']);
      const link = (await auth.emailLink('robotics@berkeley.edu', 'confirm-email')).replace(
        'http://api.test',
        auth.service.url,
      );
      expect((await fetchJson(link)).status).toBe(302);
    });

    it('upstream §6.1 #6: confirms an account registered 8 days ago with a link resent today (upstream: never)', async () => {
      await fetchJson(auth.url('/api/user/register'), { body: officerRegistration('late@berkeley.edu') });
      await auth.settled();
      await auth.db.execute(
        sql`update auth.accounts set registered_at = registered_at - interval '8 days' where email = 'late@berkeley.edu'`,
      );
      await auth.ageEmailTokens('confirm', 8 * 24 * 60);
      const stale = (await auth.emailLink('late@berkeley.edu', 'confirm-email')).replace(
        'http://api.test',
        auth.service.url,
      );
      expect((await fetchJson(stale)).status).toBe(404);

      await fetchJson(auth.url('/api/user/resend-confirm'), { body: { email: 'late@berkeley.edu' } });
      await auth.settled();
      const fresh = (await auth.emailLink('late@berkeley.edu', 'confirm-email')).replace(
        'http://api.test',
        auth.service.url,
      );
      expect(fresh).not.toBe(stale);
      expect((await fetchJson(fresh)).status).toBe(302);
      const { access } = (await login('late@berkeley.edu')).body;
      expect(JSON.parse(Buffer.from(access.split('.')[1], 'base64url').toString())).toMatchObject({
        confirmed: true,
      });
    });
  });

  describe('POST /login, /refresh, DELETE /revoke-*', () => {
    it('upstream §6.1 #7: signs in with upstream’s answer before confirmation, and that token keeps working after it', async () => {
      await auth.allowRso('unconfirmed@berkeley.edu');
      await fetchJson(auth.url('/api/user/register'), {
        body: officerRegistration('unconfirmed@berkeley.edu'),
      });
      const res = await login('unconfirmed@berkeley.edu');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        access: expect.any(String),
        access_expires_in: 1800,
        refresh: expect.any(String),
        refresh_expires_in: 1296000,
      });
      // A token issued before confirmation keeps working after it (upstream: 404 "User not found").
      const link = (await auth.emailLink('unconfirmed@berkeley.edu', 'confirm-email')).replace(
        'http://api.test',
        auth.service.url,
      );
      await fetchJson(link);
      const revoke = await fetchJson(auth.url('/api/user/revoke-access'), {
        method: 'DELETE',
        token: res.body.access,
      });
      expect(revoke).toMatchObject({
        status: 200,
        body: { status: 'success', message: 'Access token revoked!' },
      });
    });

    it('refreshes with rotation, and keeps the first refresh token working for clients that never rotate', async () => {
      const { access, refresh } = (await login('chess@berkeley.edu')).body;
      expect(access).toBeTruthy();
      for (let i = 0; i < 3; i++) {
        const res = await fetchJson(auth.url('/api/user/refresh'), { body: {}, token: refresh });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          access: expect.any(String),
          access_expires_in: 1800,
          refresh: expect.any(String),
          refresh_expires_in: 1296000,
        });
        expect(res.body.refresh).not.toBe(refresh);
      }
    });

    it('treats a superseded refresh token as reuse, ending the whole session', async () => {
      const first = (await login('chess@berkeley.edu')).body;
      const second = (await fetchJson(auth.url('/api/user/refresh'), { body: {}, token: first.refresh }))
        .body;
      const third = (await fetchJson(auth.url('/api/user/refresh'), { body: {}, token: second.refresh }))
        .body;
      expect(third.access).toBeTruthy();
      const replay = await fetchJson(auth.url('/api/user/refresh'), { body: {}, token: first.refresh });
      expect(replay).toMatchObject({ status: 401, body: errorEnvelope('Token has been revoked') });
      // Every token of the family is dead now, the newest included.
      expect(
        (await fetchJson(auth.url('/api/user/refresh'), { body: {}, token: third.refresh })).status,
      ).toBe(401);
      expect(
        (await fetchJson(auth.url('/api/user/revoke-access'), { method: 'DELETE', token: third.access }))
          .status,
      ).toBe(401);
    });

    it('revokes an access token for real', async () => {
      const { access, refresh } = (await login('chess@berkeley.edu')).body;
      await fetchJson(auth.url('/api/user/revoke-access'), { method: 'DELETE', token: access });
      const again = await fetchJson(auth.url('/api/user/revoke-access'), { method: 'DELETE', token: access });
      expect(again).toMatchObject({ status: 401, body: errorEnvelope('Token has been revoked') });
      // The session itself lives on.
      expect((await fetchJson(auth.url('/api/user/refresh'), { body: {}, token: refresh })).status).toBe(200);
    });

    it('ends the session on revoke-refresh (logout): its refresh and access tokens stop working', async () => {
      const { access, refresh } = (await login('chess@berkeley.edu')).body;
      const res = await fetchJson(auth.url('/api/user/revoke-refresh'), { method: 'DELETE', token: refresh });
      expect(res).toMatchObject({
        status: 200,
        body: { status: 'success', message: 'Refresh token revoked!' },
      });
      expect((await fetchJson(auth.url('/api/user/refresh'), { body: {}, token: refresh })).status).toBe(401);
      expect(
        (await fetchJson(auth.url('/api/user/revoke-access'), { method: 'DELETE', token: access })).status,
      ).toBe(401);
    });

    it('refuses the wrong kind of token on each route', async () => {
      const { access, refresh } = (await login('chess@berkeley.edu')).body;
      const refreshWithAccess = await fetchJson(auth.url('/api/user/refresh'), { body: {}, token: access });
      expect(refreshWithAccess).toMatchObject({
        status: 401,
        body: errorEnvelope('Only refresh tokens are allowed'),
      });
      const revokeWithRefresh = await fetchJson(auth.url('/api/user/revoke-access'), {
        method: 'DELETE',
        token: refresh,
      });
      expect(revokeWithRefresh).toMatchObject({
        status: 401,
        body: errorEnvelope('Only access tokens are allowed'),
      });
      const none = await fetchJson(auth.url('/api/user/refresh'), { body: {} });
      expect(none).toMatchObject({ status: 401, body: errorEnvelope('Missing Authorization Header') });
    });
  });

  describe('password reset and change', () => {
    it('resets with a single-use link, refusing a weak password without burning the link, and ends every session', async () => {
      await registerAndConfirm('reset@berkeley.edu');
      const session = (await login('reset@berkeley.edu')).body;
      expect(
        (await fetchJson(auth.url('/api/user/request-reset'), { body: { email: 'Reset@berkeley.edu' } }))
          .body,
      ).toEqual({
        status: 'success',
      });
      const link = await auth.emailLink('reset@berkeley.edu', 'reset-password');
      expect(link).toMatch(/^http:\/\/frontend\.test\/resetpassword\?token=/);
      const token = new URL(link).searchParams.get('token')!;

      const weak = await fetchJson(auth.url('/api/user/confirm-reset'), {
        body: { token, password: 'weak' },
      });
      expect(weak).toMatchObject({ status: 400, body: errorEnvelope('The password is not strong enough') });
      const ok = await fetchJson(auth.url('/api/user/confirm-reset'), {
        body: { token, password: 'Brand-new-pass-7' },
      });
      expect(ok).toMatchObject({ status: 200, body: { status: 'success' } });
      const reused = await fetchJson(auth.url('/api/user/confirm-reset'), {
        body: { token, password: 'Another-pass-8!' },
      });
      expect(reused).toMatchObject({ status: 404, body: errorEnvelope('The recovery token is invalid!') });

      expect(
        (await fetchJson(auth.url('/api/user/refresh'), { body: {}, token: session.refresh })).status,
      ).toBe(401);
      expect(
        (await fetchJson(auth.url('/api/user/revoke-access'), { method: 'DELETE', token: session.access }))
          .status,
      ).toBe(401);
      expect((await login('reset@berkeley.edu')).status).toBe(400);
      expect((await login('reset@berkeley.edu', 'Brand-new-pass-7')).status).toBe(200);
    });

    it('refuses an expired reset link', async () => {
      await fetchJson(auth.url('/api/user/request-reset'), { body: { email: 'reset@berkeley.edu' } });
      const token = new URL(await auth.emailLink('reset@berkeley.edu', 'reset-password')).searchParams.get(
        'token',
      )!;
      await auth.expireEmailTokens('reset');
      const res = await fetchJson(auth.url('/api/user/confirm-reset'), {
        body: { token, password: 'Fine-pass-9!' },
      });
      expect(res.status).toBe(404);
    });

    it('upstream §6.1 #5: a reset link works 29 minutes after it was sent and not 31 (upstream: a week)', async () => {
      await registerAndConfirm('lifetime@berkeley.edu');
      const sendLink = async () => {
        await fetchJson(auth.url('/api/user/request-reset'), { body: { email: 'lifetime@berkeley.edu' } });
        await auth.settled();
        const link = await auth.emailLink('lifetime@berkeley.edu', 'reset-password');
        return new URL(link).searchParams.get('token')!;
      };
      const reset = (token: string, password: string) =>
        fetchJson(auth.url('/api/user/confirm-reset'), { body: { token, password } });

      const late = await sendLink();
      await auth.ageEmailTokens('reset', 31);
      expect(await reset(late, 'Late-pass-31!')).toMatchObject({
        status: 404,
        body: errorEnvelope('The recovery token is invalid!'),
      });
      const inTime = await sendLink();
      expect(inTime).not.toBe(late);
      await auth.ageEmailTokens('reset', 29);
      expect(await reset(inTime, 'In-time-pass-29!')).toMatchObject({ status: 200 });
      expect((await login('lifetime@berkeley.edu', 'In-time-pass-29!')).status).toBe(200);
    });

    it('answers a reset request for an unknown email exactly as for a known one, and sends nothing', async () => {
      const before = auth.events.length;
      const res = await fetchJson(auth.url('/api/user/request-reset'), {
        body: { email: 'ghost@berkeley.edu' },
      });
      expect(res).toMatchObject({ status: 200, body: { status: 'success' } });
      await auth.settled();
      expect(auth.events.slice(before).filter((e) => e.type === 'EmailRequested')).toEqual([]);
    });

    it('changes the password of a signed-in officer and ends their sessions', async () => {
      const session = (await login('reset@berkeley.edu', 'Brand-new-pass-7')).body;
      const change = (body: unknown) =>
        fetchJson(auth.url('/api/admin/change-password'), { body, token: session.access });
      expect(
        (await change({ old_password: 'wrong-old-1!', new_password: 'Newer-pass-10!' })).body,
      ).toMatchObject(errorEnvelope('The old password is incorrect.'));
      expect(
        (await change({ old_password: 'Brand-new-pass-7', new_password: 'Brand-new-pass-7' })).body,
      ).toMatchObject(errorEnvelope('The old and new passwords are identical.'));
      expect((await change({ old_password: 'Brand-new-pass-7', new_password: 'weak' })).body).toMatchObject(
        errorEnvelope('The new password is not strong enough'),
      );
      const ok = await change({ old_password: 'Brand-new-pass-7', new_password: 'Newer-pass-10!' });
      expect(ok).toMatchObject({ status: 200, body: { status: 'success' } });
      expect(
        (await fetchJson(auth.url('/api/user/refresh'), { body: {}, token: session.refresh })).status,
      ).toBe(401);
      expect((await login('reset@berkeley.edu', 'Newer-pass-10!')).status).toBe(200);
    });
  });
});
