import { fetchJson } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type AuthHarness, officerRegistration, startAuth } from './auth-harness.js';

// The RSO list is readable (the web client asks /email-exists before every login), so anyone can try
// to register a club under an officer's address. Until the emailed link is followed, such a
// registration proves nothing and must not keep the address's owner out.
describe('an unconfirmed registration does not block the address owner', () => {
  let auth: AuthHarness;
  let admin: string;
  beforeAll(async () => {
    auth = await startAuth();
    await auth.allowRso('chess@berkeley.edu', 'go@berkeley.edu', 'taken@berkeley.edu');
    admin = (await fetchJson(auth.url('/api/monitor/login'), { body: ADMIN })).body.access;
  });
  afterAll(() => auth?.close());

  const local = (link: string) => link.replace('http://api.test', auth.service.url);
  const login = (email: string, password: string) =>
    fetchJson(auth.url('/api/user/login'), { body: { email, password } });
  const eventsOf = (type: string, email: string) =>
    auth.events.filter((e) => e.type === type && (e.data as { email: string }).email === email);

  it('a new registration replaces an unconfirmed one: its club, sessions and links go', async () => {
    const squat = await fetchJson(auth.url('/api/user/register'), {
      body: officerRegistration('chess@berkeley.edu', { name: 'Not Chess', password: 'Squatter-pass-1!' }),
    });
    expect(squat.status).toBe(200);
    const squatterLink = local(await auth.emailLink('chess@berkeley.edu', 'confirm-email'));
    const squatter = (await login('chess@berkeley.edu', 'Squatter-pass-1!')).body;
    const [squatted] = eventsOf('UserRegistered', 'chess@berkeley.edu');

    const owner = await fetchJson(auth.url('/api/user/register'), {
      body: officerRegistration('Chess@berkeley.edu', { name: 'Cal Chess', password: 'Owner-pass-1!' }),
    });
    expect(owner).toMatchObject({ status: 200, body: { status: 'success' } });

    // The catalog removes the first club on AccountDeleted and creates the new one on UserRegistered.
    const [deleted] = eventsOf('AccountDeleted', 'chess@berkeley.edu');
    expect(deleted?.data).toMatchObject({
      userId: (squatted!.data as { userId: string }).userId,
      role: 'officer',
    });
    const registrations = eventsOf('UserRegistered', 'chess@berkeley.edu');
    expect(registrations).toHaveLength(2);
    expect(registrations[1]!.data).toMatchObject({ club: { name: 'Cal Chess' } });
    expect((registrations[1]!.data as { userId: string }).userId).not.toBe(
      (squatted!.data as { userId: string }).userId,
    );

    // The first registration's link confirms nothing; the new one's does.
    expect(await fetchJson(squatterLink)).toMatchObject({ status: 404, body: { status: 'error' } });
    expect(eventsOf('AccountConfirmed', 'chess@berkeley.edu')).toEqual([]);
    const ownerLink = local(await auth.emailLink('chess@berkeley.edu', 'confirm-email'));
    expect(ownerLink).not.toBe(squatterLink);
    expect((await fetchJson(ownerLink)).status).toBe(302);

    expect((await login('chess@berkeley.edu', 'Squatter-pass-1!')).status).toBe(400);
    expect((await login('chess@berkeley.edu', 'Owner-pass-1!')).status).toBe(200);
    expect(
      (await fetchJson(auth.url('/api/user/refresh'), { body: {}, token: squatter.refresh })).status,
    ).toBe(401);
  });

  it('a confirmed account is not replaced', async () => {
    const again = await fetchJson(auth.url('/api/user/register'), {
      body: officerRegistration('chess@berkeley.edu', { password: 'Squatter-pass-2!' }),
    });
    expect(again.status).toBe(200);
    expect(eventsOf('AccountDeleted', 'chess@berkeley.edu')).toHaveLength(1);
    expect((await login('chess@berkeley.edu', 'Squatter-pass-2!')).status).toBe(400);
    expect((await login('chess@berkeley.edu', 'Owner-pass-1!')).status).toBe(200);
  });

  describe('DELETE /api/monitor/rso/:email/registration (admins)', () => {
    const remove = (email: string, token = admin) =>
      fetchJson(auth.url(`/api/monitor/rso/${encodeURIComponent(email)}/registration`), {
        method: 'DELETE',
        token,
      });

    it('removes an unconfirmed account and its club, after which the email can leave the RSO list', async () => {
      await fetchJson(auth.url('/api/user/register'), { body: officerRegistration('go@berkeley.edu') });
      const squatter = (await login('go@berkeley.edu', 'Robots-4-ever!')).body;
      expect(await remove('officer-token@berkeley.edu', squatter.access)).toMatchObject({
        status: 401,
        body: { reason: 'You are not allowed to access this endpoint!' },
      });

      expect(await remove('GO@berkeley.edu')).toMatchObject({ status: 200, body: { status: 'success' } });
      expect(eventsOf('AccountDeleted', 'go@berkeley.edu')[0]?.data).toMatchObject({ role: 'officer' });
      expect((await login('go@berkeley.edu', 'Robots-4-ever!')).status).toBe(400);
      expect(
        (await fetchJson(auth.url('/api/user/refresh'), { body: {}, token: squatter.refresh })).status,
      ).toBe(401);
      const list = (await fetchJson(auth.url('/api/monitor/rso/list'), { token: admin })).body;
      expect(list).toContainEqual({ email: 'go@berkeley.edu', registered: false, confirmed: false });
      expect(
        (await fetchJson(auth.url('/api/monitor/rso/go@berkeley.edu'), { method: 'DELETE', token: admin }))
          .status,
      ).toBe(200);
    });

    it('refuses a confirmed account (409) and an email without one (404)', async () => {
      expect(await remove('chess@berkeley.edu')).toMatchObject({
        status: 409,
        body: { status: 'error', reason: expect.stringMatching(/confirmed/) },
      });
      expect((await login('chess@berkeley.edu', 'Owner-pass-1!')).status).toBe(200);
      expect(await remove('nobody@berkeley.edu')).toMatchObject({ status: 404, body: { status: 'error' } });
      expect((await remove('not an email')).status).toBe(400);
    });
  });
});
