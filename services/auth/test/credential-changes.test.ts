import { fetchJson } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHarness, startAuth } from './auth-harness.js';

// A stolen access token must not become a permanent takeover, and a new password must end every way
// in that the old one (or a mailbox read before) still gave: sessions, and the links already emailed.
describe('changing credentials', () => {
  let auth: AuthHarness;
  beforeAll(async () => {
    auth = await startAuth();
  });
  afterAll(() => auth?.close());

  const local = (link: string) => link.replace('http://api.test', auth.service.url);
  const register = (email: string, password: string) =>
    fetchJson(auth.url('/api/user/register'), { body: { email, password } });
  const login = (email: string, password: string) =>
    fetchJson(auth.url('/api/user/login'), { body: { email, password } });
  const patch = (token: string, body: unknown) =>
    fetchJson(auth.url('/api/user'), { method: 'PATCH', token, body });
  /** Asks for a magic link and a reset link, and answers both (tokens as sent). */
  async function pendingLinks(email: string) {
    const before = auth.events.length;
    await fetchJson(auth.url('/api/user/magic-link'), { body: { email } });
    await fetchJson(auth.url('/api/user/request-reset'), { body: { email } });
    const sent = () => auth.events.slice(before).filter((e) => e.type === 'EmailRequested');
    const [magic, reset] = await Promise.all([
      auth.emailLink(email, 'magic-link'),
      auth.emailLink(email, 'reset-password'),
    ]);
    expect(sent()).toHaveLength(2);
    return { magic: local(magic), reset: new URL(reset).searchParams.get('token')! };
  }

  describe('PATCH /api/user with a new password', () => {
    it('needs the current password: a token alone changes nothing', async () => {
      await register('patch@example.org', 'Patch-pass-1!');
      const { access } = (await login('patch@example.org', 'Patch-pass-1!')).body;

      const tokenOnly = await patch(access, { password: 'Stolen-pass-9!' });
      expect(tokenOnly.status).toBe(400);
      expect(tokenOnly.body).toMatchObject({
        status: 'error',
        data: [{ field: 'current_password', errors: [expect.any(String)] }],
      });
      const wrong = await patch(access, { password: 'Stolen-pass-9!', current_password: 'Guessed-pass-1!' });
      expect(wrong).toMatchObject({
        status: 400,
        body: { status: 'error', reason: 'The current password is incorrect.' },
      });
      // Nothing changed: the old password signs in, the stolen one does not, the session lives on.
      expect((await login('patch@example.org', 'Stolen-pass-9!')).status).toBe(400);
      expect((await login('patch@example.org', 'Patch-pass-1!')).status).toBe(200);
      expect((await fetchJson(auth.url('/api/user'), { token: access })).status).toBe(200);

      const ok = await patch(access, { password: 'Patch-pass-2!', current_password: 'Patch-pass-1!' });
      expect(ok).toMatchObject({ status: 200, body: { status: 'success' } });
      expect((await login('patch@example.org', 'Patch-pass-2!')).status).toBe(200);
      expect((await fetchJson(auth.url('/api/user'), { token: access })).status).toBe(401);
    });

    it('changes the name alone with just the token, as before', async () => {
      const { access } = (await login('patch@example.org', 'Patch-pass-2!')).body;
      expect((await patch(access, { name: 'Pat' })).status).toBe(200);
      expect((await fetchJson(auth.url('/api/user'), { token: access })).body.name).toBe('Pat');
    });

    it('ends the magic and reset links sent before', async () => {
      const { magic, reset } = await pendingLinks('patch@example.org');
      const { access } = (await login('patch@example.org', 'Patch-pass-2!')).body;
      expect(
        (await patch(access, { password: 'Patch-pass-3!', current_password: 'Patch-pass-2!' })).status,
      ).toBe(200);
      expect((await fetchJson(magic)).status).toBe(404);
      const resetNow = await fetchJson(auth.url('/api/user/confirm-reset'), {
        body: { token: reset, password: 'Attacker-pass-1!' },
      });
      expect(resetNow.status).toBe(404);
      expect((await login('patch@example.org', 'Patch-pass-3!')).status).toBe(200);
    });
  });

  it('a password change (change-password) ends the magic and reset links sent before', async () => {
    await register('change@example.org', 'Change-pass-1!');
    const { magic, reset } = await pendingLinks('change@example.org');
    const { access } = (await login('change@example.org', 'Change-pass-1!')).body;
    const changed = await fetchJson(auth.url('/api/admin/change-password'), {
      token: access,
      body: { old_password: 'Change-pass-1!', new_password: 'Change-pass-2!' },
    });
    expect(changed.status).toBe(200);
    expect(await fetchJson(magic)).toMatchObject({ status: 404, body: { status: 'error' } });
    const resetNow = await fetchJson(auth.url('/api/user/confirm-reset'), {
      body: { token: reset, password: 'Attacker-pass-1!' },
    });
    expect(resetNow.status).toBe(404);
  });

  it('a magic link on an unconfirmed account ends the password and sessions its registrant set up', async () => {
    // Someone registers the address before its owner, and waits for the owner to confirm it.
    await register('owner@example.org', 'Squatter-pass-1!');
    const squatter = (await login('owner@example.org', 'Squatter-pass-1!')).body;
    await fetchJson(auth.url('/api/user/magic-link'), { body: { email: 'owner@example.org' } });
    const owner = await fetchJson(local(await auth.emailLink('owner@example.org', 'magic-link')));
    expect(owner.status).toBe(200);
    expect((await fetchJson(auth.url('/api/user'), { token: owner.body.access })).body.confirmed).toBe(true);
    expect((await login('owner@example.org', 'Squatter-pass-1!')).status).toBe(400);
    expect(
      (await fetchJson(auth.url('/api/user/refresh'), { body: {}, token: squatter.refresh })).status,
    ).toBe(401);
    // The owner sets a password of their own through a reset link.
    await fetchJson(auth.url('/api/user/request-reset'), { body: { email: 'owner@example.org' } });
    const reset = new URL(await auth.emailLink('owner@example.org', 'reset-password')).searchParams.get(
      'token',
    );
    expect(
      (
        await fetchJson(auth.url('/api/user/confirm-reset'), {
          body: { token: reset, password: 'Owner-pass-1!' },
        })
      ).status,
    ).toBe(200);
    expect((await login('owner@example.org', 'Owner-pass-1!')).status).toBe(200);
  });

  it('a password reset ends the magic links and confirmation links sent before, and confirms the address', async () => {
    await register('reset@example.org', 'Reset-pass-1!');
    const confirm = local(await auth.emailLink('reset@example.org', 'confirm-email'));
    const { magic, reset } = await pendingLinks('reset@example.org');
    const done = await fetchJson(auth.url('/api/user/confirm-reset'), {
      body: { token: reset, password: 'Reset-pass-2!' },
    });
    expect(done.status).toBe(200);
    expect(await fetchJson(magic)).toMatchObject({ status: 404, body: { status: 'error' } });
    expect(await fetchJson(confirm)).toMatchObject({ status: 404, body: { status: 'error' } });
    // Following the reset link proved the address: the account is confirmed.
    const { access } = (await login('reset@example.org', 'Reset-pass-2!')).body;
    expect((await fetchJson(auth.url('/api/user'), { token: access })).body.confirmed).toBe(true);
  });
});
