import { fetchJson } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type AuthHarness, startAuth } from './auth-harness.js';
import { claimsOf, PASSWORD, teamFixtures } from './team-fixtures.js';

describe('platform roles (/api/monitor/roles)', () => {
  let auth: AuthHarness;
  let admin: { access: string };
  beforeAll(async () => {
    auth = await startAuth();
    admin = (await fetchJson(auth.url('/api/monitor/login'), { body: ADMIN })).body;
  }, 60_000);
  afterAll(() => auth?.close());

  const roles = (method: 'GET' | 'POST' | 'DELETE', token?: string, body?: unknown) =>
    fetchJson(auth.url('/api/monitor/roles'), { method, token, body });
  const adminLogin = (email: string, password = PASSWORD) =>
    fetchJson(auth.url('/api/monitor/login'), { body: { email, password } });

  it('lists the admins, to admins only', async () => {
    const res = await roles('GET', admin.access);
    expect(res).toMatchObject({ status: 200, body: [{ email: ADMIN.email, roles: ['admin'] }] });
    expect((await roles('GET')).status).toBe(401);
    const team = teamFixtures(auth);
    const club = await team.registerClub('not-admin@berkeley.edu');
    // Another role's token: upstream's 401 for a route of another role, as every admin route answers.
    expect((await roles('GET', club.tokens.access)).status).toBe(401);
    const selfGrant = await roles('POST', club.tokens.access, {
      email: 'not-admin@berkeley.edu',
      role: 'admin',
    });
    expect(selfGrant).toMatchObject({
      status: 401,
      body: { reason: 'You are not allowed to access this endpoint!' },
    });
  });

  it('grants admin to an officer (announced), who then signs in as admin; revoking gives the kind back and kills its tokens', async () => {
    const team = teamFixtures(auth);
    await team.registerClub('promoted@berkeley.edu');
    expect(
      (await roles('POST', admin.access, { email: 'Promoted@Berkeley.edu', role: 'admin' })).status,
    ).toBe(200);
    expect(
      (await roles('POST', admin.access, { email: 'promoted@berkeley.edu', role: 'admin' })).status,
    ).toBe(200);
    const promoted = await adminLogin('promoted@berkeley.edu');
    expect(promoted.status).toBe(200);
    expect(claimsOf(promoted.body.access).role).toBe('admin');
    expect((await roles('GET', admin.access)).body).toHaveLength(2);
    await auth.settled();
    const granted = auth.events.filter((e) => e.type === 'PlatformRoleChanged');
    expect(granted.map((e) => e.data)).toEqual([
      expect.objectContaining({
        email: 'promoted@berkeley.edu',
        roles: ['admin'],
        changedBy: claimsOf(admin.access).sub,
      }),
    ]);

    expect(
      (await roles('DELETE', admin.access, { email: 'promoted@berkeley.edu', role: 'admin' })).status,
    ).toBe(200);
    await expect(auth.context.verifier.verify(promoted.body.access)).rejects.toThrow(
      'Token has been revoked',
    );
    expect((await adminLogin('promoted@berkeley.edu')).status).toBe(400);
    expect(claimsOf((await team.login('promoted@berkeley.edu')).access).role).toBe('officer');
    await auth.settled();
    expect(auth.events.filter((e) => e.type === 'PlatformRoleChanged').at(-1)?.data).toMatchObject({
      roles: [],
    });
    const again = await roles('DELETE', admin.access, { email: 'promoted@berkeley.edu', role: 'admin' });
    expect(again.status).toBe(404);
  });

  it('never revokes the last admin (409); unknown accounts are 404; bad bodies 400', async () => {
    const last = await roles('DELETE', admin.access, { email: ADMIN.email, role: 'admin' });
    expect(last).toMatchObject({ status: 409, body: { status: 'error' } });
    expect((await roles('POST', admin.access, { email: 'ghost@example.com', role: 'admin' })).status).toBe(
      404,
    );
    expect((await roles('POST', admin.access, { email: 'ghost@example.com', role: 'root' })).status).toBe(
      400,
    );
    expect((await roles('DELETE', admin.access, {})).status).toBe(400);
  });
});
