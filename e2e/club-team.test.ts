import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOfficer } from './support/officer.js';
import { type Api, startTestPlatform, type TestPlatform } from './support/platform.js';

const ADMIN = { email: 'admin@campus.test', password: 'Admin-pass-42!' };
const OWNER = { email: 'rowing@berkeley.edu', password: 'Rowing-4-ever!', club: 'Cal Rowing' };
const OFFICER = { email: 'coxswain@example.com', password: 'Cox-swain-2026!' };

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { club: string | null };

// Officer teams through the gateway: an invited officer edits the club with the token the invitation
// gave; once removed, that token is refused by the catalog at once, and refresh stops acting for the club.
describe('club officer teams through the gateway (embedded platform)', () => {
  let testPlatform: TestPlatform;
  let events: TestPlatform['events'] = [];
  let api: Api;

  beforeAll(async () => {
    testPlatform = await startTestPlatform('teams', {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      FRONTEND_BASE_URL: 'http://web.test',
    });
    ({ events, api } = testPlatform);
  }, 60_000);
  afterAll(() => testPlatform?.stop());

  it('invite → accept (public) → the officer edits the club → removed → its token is refused, refresh has no club', async () => {
    expect((await registerOfficer(api, ADMIN, OWNER)).status).toBe(200);
    const confirm = await eventually(() =>
      events.find((e) => e.type === 'EmailRequested' && (e.data as { to: string }).to === OWNER.email),
    );
    await fetch((confirm.data as { variables: { confirm_url: string } }).variables.confirm_url, {
      redirect: 'manual',
    });
    const created = await eventually(() =>
      events.find(
        (e) => e.type === 'ClubCreated' && (e.data as { club: { name: string } }).club.name === OWNER.club,
      ),
    );
    const clubId = (created.data as { clubId: string }).clubId;
    const owner = await eventually(async () => {
      const login = await api('/api/user/login', { body: { email: OWNER.email, password: OWNER.password } });
      return login.status === 200 && claimsOf(login.body.access).club === clubId ? login.body : undefined;
    });

    const invited = await api('/api/user/team/invitations', {
      body: { email: OFFICER.email },
      token: owner.access,
    });
    expect(invited.status).toBe(201);
    const email = await eventually(() =>
      events.find(
        (e) =>
          e.type === 'EmailRequested' &&
          (e.data as { to: string; template: string }).to === OFFICER.email &&
          (e.data as { template: string }).template === 'officer-invitation',
      ),
    );
    const acceptUrl = new URL((email.data as { variables: { accept_url: string } }).variables.accept_url);
    // The gateway's own page (accept-invitation-page.ts), on PUBLIC_BASE_URL.
    expect(acceptUrl.origin + acceptUrl.pathname).toBe(`${testPlatform.platform.url}/accept-invitation`);
    const token = acceptUrl.searchParams.get('token')!;
    const preview = await api(`/api/user/invitations/${token}`);
    expect(preview).toMatchObject({ status: 200, body: { club_name: OWNER.club, account_exists: false } });
    const accepted = await api('/api/user/invitations/accept', {
      body: { token, password: OFFICER.password, name: 'Cox' },
    });
    expect(accepted.status).toBe(200);
    expect(claimsOf(accepted.body.access).club).toBe(clubId);

    const edit = (access: string) =>
      api('/api/admin/profile', {
        token: access,
        body: { about_us: 'We row on the Oakland Estuary at dawn.' },
      });
    expect((await edit(accepted.body.access)).status).toBe(200);

    const officerId = (await api('/api/user/team', { token: owner.access })).body.officers.find(
      (o: { email: string }) => o.email === OFFICER.email,
    ).account_id;
    const removed = await api(`/api/user/team/officers/${officerId}`, {
      method: 'DELETE',
      token: owner.access,
    });
    expect(removed.status).toBe(200);
    // At once, on the catalog's route (the gateway and the catalog both check the shared denylist).
    expect(await edit(accepted.body.access)).toMatchObject({
      status: 401,
      body: { status: 'error', reason: 'Token has been revoked' },
    });
    const refreshed = await api('/api/user/refresh', { body: {}, token: accepted.body.refresh });
    expect(refreshed.status).toBe(200);
    expect(claimsOf(refreshed.body.access).club).toBeNull();
    const refused = await edit(refreshed.body.access);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    // The owner's own token still works.
    expect((await edit(owner.access)).status).toBe(200);
  });

  it('admins manage platform roles at /api/monitor/roles', async () => {
    const admin = (await api('/api/monitor/login', { body: ADMIN })).body.access as string;
    const list = await api('/api/monitor/roles', { token: admin });
    expect(list).toMatchObject({ status: 200, body: [{ email: ADMIN.email, roles: ['admin'] }] });
    expect((await api('/api/monitor/roles')).status).toBe(401);
    const last = await api('/api/monitor/roles', {
      method: 'DELETE',
      token: admin,
      body: { email: ADMIN.email, role: 'admin' },
    });
    expect(last.status).toBe(409);
  });
});
