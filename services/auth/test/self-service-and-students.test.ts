import { fetchJson } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHarness, startAuth } from './auth-harness.js';

const basic = (user: string, password = '') =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('account self-service, magic links and student accounts', () => {
  let auth: AuthHarness;
  beforeAll(async () => {
    auth = await startAuth();
  });
  afterAll(() => auth?.close());

  describe('the simple user-auth API', () => {
    it('registers with just email, password and an optional name, without the RSO list', async () => {
      const res = await fetchJson(auth.url('/api/user/register'), {
        body: { email: 'Member@Example.org', password: 'Member-pass-1!', name: 'Ada Member' },
      });
      expect(res).toMatchObject({ status: 200, body: { status: 'success' } });
      expect(
        auth.events.find((e) => e.type === 'UserRegistered' && (e.data as { role: string }).role === 'member')
          ?.data,
      ).toMatchObject({
        email: 'member@example.org',
        name: 'Ada Member',
        club: null,
      });
      const again = await fetchJson(auth.url('/api/user/register'), {
        body: { email: 'member@example.org', password: 'Member-pass-1!', name: 'Ada Member' },
      });
      // The same answer as a fresh address (the unconfirmed account gives way to the new registration).
      expect(again).toMatchObject({ status: 200, body: { status: 'success' } });
      const weak = await fetchJson(auth.url('/api/user/register'), {
        body: { email: 'other@example.org', password: 'password' },
      });
      expect(weak.status).toBe(400);
    });

    it('gives a token for Basic credentials at GET /login, and 401 with a challenge otherwise', async () => {
      const ok = await fetchJson(auth.url('/api/user/login'), {
        headers: { authorization: basic('member@example.org', 'Member-pass-1!') },
      });
      expect(ok).toMatchObject({ status: 200, body: { token: expect.any(String), expires_in: 1800 } });
      for (const authorization of [
        basic('member@example.org', 'wrong'),
        basic('nobody@example.org', 'x'),
        'Basic !!!',
        '',
      ]) {
        const res = await fetchJson(auth.url('/api/user/login'), { headers: { authorization } });
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Basic realm="sproul"');
      }
    });

    it('reads the account with a Bearer token, Basic token-as-user, or Basic email and password', async () => {
      const { token } = (
        await fetchJson(auth.url('/api/user/login'), {
          headers: { authorization: basic('member@example.org', 'Member-pass-1!') },
        })
      ).body;
      const expected = {
        email: 'member@example.org',
        name: 'Ada Member',
        role: 'member',
        confirmed: false,
        id: expect.any(String),
      };
      for (const authorization of [
        `Bearer ${token}`,
        basic(token, 'ignored'),
        basic('member@example.org', 'Member-pass-1!'),
      ]) {
        expect(await fetchJson(auth.url('/api/user'), { headers: { authorization } })).toMatchObject({
          status: 200,
          body: expected,
        });
      }
      expect((await fetchJson(auth.url('/api/user'))).status).toBe(401);
      expect(
        (await fetchJson(auth.url('/api/user'), { headers: { authorization: basic('x.y.z') } })).status,
      ).toBe(401);
    });

    it('updates the name, and a new password ends the sessions', async () => {
      const { token } = (
        await fetchJson(auth.url('/api/user/login'), {
          headers: { authorization: basic('member@example.org', 'Member-pass-1!') },
        })
      ).body;
      const headers = { authorization: `Bearer ${token}` };
      expect(
        (await fetchJson(auth.url('/api/user'), { method: 'PATCH', headers, body: { name: 'Ada L.' } }))
          .status,
      ).toBe(200);
      expect((await fetchJson(auth.url('/api/user'), { headers })).body.name).toBe('Ada L.');
      expect((await fetchJson(auth.url('/api/user'), { method: 'PATCH', headers, body: {} })).status).toBe(
        400,
      );
      expect(
        (await fetchJson(auth.url('/api/user'), { method: 'PATCH', headers, body: { password: 'weak' } }))
          .status,
      ).toBe(400);
      expect(
        (
          await fetchJson(auth.url('/api/user'), {
            method: 'PATCH',
            headers,
            body: { password: 'Member-pass-2!', current_password: 'Member-pass-1!' },
          })
        ).status,
      ).toBe(200);
      expect((await fetchJson(auth.url('/api/user'), { headers })).status).toBe(401);
      const fresh = basic('member@example.org', 'Member-pass-2!');
      expect((await fetchJson(auth.url('/api/user'), { headers: { authorization: fresh } })).status).toBe(
        200,
      );
    });

    it('deletes the account, ending its sessions and publishing AccountDeleted', async () => {
      await fetchJson(auth.url('/api/user/register'), {
        body: { email: 'leaving@example.org', password: 'Leaving-pass-1!' },
      });
      const { token } = (
        await fetchJson(auth.url('/api/user/login'), {
          headers: { authorization: basic('leaving@example.org', 'Leaving-pass-1!') },
        })
      ).body;
      const res = await fetchJson(auth.url('/api/user'), {
        method: 'DELETE',
        headers: { authorization: basic(token) },
      });
      expect(res).toMatchObject({ status: 200, body: { status: 'success' } });
      expect(
        auth.events.find(
          (e) => e.type === 'AccountDeleted' && (e.data as { email: string }).email === 'leaving@example.org',
        )?.data,
      ).toMatchObject({
        email: 'leaving@example.org',
        role: 'member',
        clubId: null,
      });
      expect(
        (await fetchJson(auth.url('/api/user'), { headers: { authorization: `Bearer ${token}` } })).status,
      ).toBe(401);
      expect(
        (
          await fetchJson(auth.url('/api/user/login'), {
            headers: { authorization: basic('leaving@example.org', 'Leaving-pass-1!') },
          })
        ).status,
      ).toBe(401);
    });
  });

  describe('magic links', () => {
    it('emails a single-use link that signs in and confirms; the same answer for unknown emails', async () => {
      const before = auth.events.length;
      for (const email of ['member@example.org', 'ghost@example.org']) {
        expect(await fetchJson(auth.url('/api/user/magic-link'), { body: { email } })).toMatchObject({
          status: 200,
          body: { status: 'success' },
        });
      }
      const link = await auth.emailLink('member@example.org', 'magic-link');
      expect(link).toMatch(/^http:\/\/api\.test\/api\/user\/magic-link\/[\w-]{43}$/);
      expect(auth.events.slice(before).filter((e) => e.type === 'EmailRequested')).toHaveLength(1);

      const local = link.replace('http://api.test', auth.service.url);
      const signedIn = await fetchJson(local);
      expect(signedIn.body).toEqual({
        access: expect.any(String),
        access_expires_in: 1800,
        refresh: expect.any(String),
        refresh_expires_in: 1296000,
      });
      expect(
        (
          await fetchJson(auth.url('/api/user'), {
            headers: { authorization: `Bearer ${signedIn.body.access}` },
          })
        ).body.confirmed,
      ).toBe(true);
      expect((await fetchJson(local)).status).toBe(404);
      // The account was unconfirmed: the password its registration set is not the owner's proof.
      const withPassword = await fetchJson(auth.url('/api/user/login'), {
        body: { email: 'member@example.org', password: 'Member-pass-2!' },
      });
      expect(withPassword.status).toBe(400);
    });

    it('refuses an expired link, and sends none to admins', async () => {
      await fetchJson(auth.url('/api/user/magic-link'), { body: { email: 'member@example.org' } });
      const link = (await auth.emailLink('member@example.org', 'magic-link')).replace(
        'http://api.test',
        auth.service.url,
      );
      await auth.expireEmailTokens('magic');
      expect((await fetchJson(link)).status).toBe(404);
      const before = auth.events.length;
      await fetchJson(auth.url('/api/user/magic-link'), { body: { email: 'admin@sproul.club' } });
      await auth.settled();
      expect(auth.events.slice(before).filter((e) => e.type === 'EmailRequested')).toEqual([]);
    });
  });

  describe('student accounts (email and password)', () => {
    it('signs up campus addresses only, then signs in, refreshes and revokes (upstream: always 401)', async () => {
      const outsider = await fetchJson(auth.url('/api/student/register'), {
        body: { email: 'someone@gmail.com', password: 'Student-pass-1!', name: 'Out Sider' },
      });
      expect(outsider).toMatchObject({
        status: 403,
        body: { reason: 'Student accounts need an @berkeley.edu email address' },
      });
      const ok = await fetchJson(auth.url('/api/student/register'), {
        body: { email: 'oski@berkeley.edu', password: 'Student-pass-1!', name: 'Oski Bear' },
      });
      expect(ok.status).toBe(200);
      expect(
        (
          await fetchJson(auth.url('/api/student/register'), {
            body: { email: 'oski@cs.berkeley.edu', password: 'Student-pass-1!', name: 'O' },
          })
        ).status,
      ).toBe(200);

      const session = (
        await fetchJson(auth.url('/api/student/login'), {
          body: { email: 'oski@berkeley.edu', password: 'Student-pass-1!' },
        })
      ).body;
      expect(JSON.parse(Buffer.from(session.access.split('.')[1], 'base64url').toString()).role).toBe(
        'student',
      );
      const refreshed = await fetchJson(auth.url('/api/student/refresh'), {
        body: {},
        token: session.refresh,
      });
      expect(refreshed.status).toBe(200);
      expect(
        (
          await fetchJson(auth.url('/api/student/revoke-access'), {
            method: 'DELETE',
            token: refreshed.body.access,
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await fetchJson(auth.url('/api/student/revoke-refresh'), {
            method: 'DELETE',
            token: session.refresh,
          })
        ).status,
      ).toBe(200);
      expect(
        (await fetchJson(auth.url('/api/student/refresh'), { body: {}, token: session.refresh })).status,
      ).toBe(401);
    });

    it('answers 503 for single sign-on when no provider is configured', async () => {
      const res = await fetchJson(auth.url('/api/student/login'));
      expect(res).toMatchObject({
        status: 503,
        body: { status: 'error', reason: 'Single sign-on is not configured' },
      });
    });

    it('keeps students out of officer sign-in and officers out of student routes', async () => {
      expect(
        (
          await fetchJson(auth.url('/api/user/login'), {
            body: { email: 'oski@berkeley.edu', password: 'Student-pass-1!' },
          })
        ).status,
      ).toBe(400);
      // (member@example.org signed in with a magic link while unconfirmed: it has no password now.)
      await fetchJson(auth.url('/api/user/register'), {
        body: { email: 'member2@example.org', password: 'Member-pass-2!' },
      });
      const member = (
        await fetchJson(auth.url('/api/user/login'), {
          body: { email: 'member2@example.org', password: 'Member-pass-2!' },
        })
      ).body;
      const res = await fetchJson(auth.url('/api/student/revoke-access'), {
        method: 'DELETE',
        token: member.access,
      });
      expect(res).toMatchObject({
        status: 401,
        body: { reason: 'You are not allowed to access this endpoint!' },
      });
    });
  });
});
