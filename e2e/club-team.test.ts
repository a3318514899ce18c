import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsOf } from './support/claims.js';
import { registerOfficer } from './support/officer.js';
import { type Api, startTestPlatform, type TestPlatform } from './support/platform.js';

const ADMIN = { email: 'admin@campus.test', password: 'Admin-pass-42!' };
const OWNER = { email: 'rowing@berkeley.edu', password: 'Rowing-4-ever!', club: 'Cal Rowing' };
const OFFICER = { email: 'coxswain@example.com', password: 'Cox-swain-2026!' };

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

  it('a student accepts an invitation → edits the club as an officer, stays a student on the student side; handed the club, the catalog names it the owner', async () => {
    const OWNER2 = { email: 'sailing@berkeley.edu', password: 'Sailing-4-ever!', club: 'Cal Sailing' };
    const STUDENT = { email: 'deckhand@berkeley.edu', password: 'Deck-hand-2026!' };
    const emailTo = (to: string, template: string) =>
      eventually(() =>
        [...events]
          .reverse()
          .find(
            (e) =>
              e.type === 'EmailRequested' &&
              (e.data as { to: string }).to === to &&
              (e.data as { template: string }).template === template,
          ),
      );
    const firstLink = (email: { data: unknown }) =>
      Object.values((email.data as { variables: Record<string, string> }).variables).find((value) =>
        /^https?:/.test(String(value)),
      )!;

    expect((await registerOfficer(api, ADMIN, OWNER2)).status).toBe(200);
    await fetch(firstLink(await emailTo(OWNER2.email, 'confirm-email')), { redirect: 'manual' });
    const created = await eventually(() =>
      events.find(
        (e) => e.type === 'ClubCreated' && (e.data as { club: { name: string } }).club.name === OWNER2.club,
      ),
    );
    const clubId = (created.data as { clubId: string }).clubId;
    const owner = await eventually(async () => {
      const login = await api('/api/user/login', {
        body: { email: OWNER2.email, password: OWNER2.password },
      });
      return login.status === 200 && claimsOf(login.body.access).club === clubId ? login.body : undefined;
    });

    expect((await api('/api/student/register', { body: { ...STUDENT, name: 'Deck Hand' } })).status).toBe(
      200,
    );
    await fetch(firstLink(await emailTo(STUDENT.email, 'confirm-email')), { redirect: 'manual' });
    const invited = await api('/api/user/team/invitations', {
      body: { email: STUDENT.email },
      token: owner.access,
    });
    expect(invited.status).toBe(201);
    const acceptUrl = new URL(firstLink(await emailTo(STUDENT.email, 'officer-invitation')));
    const accepted = await api('/api/user/invitations/accept', {
      body: { token: acceptUrl.searchParams.get('token') },
    });
    expect(accepted.status).toBe(200);
    expect(claimsOf(accepted.body.access)).toMatchObject({ role: 'officer', club: clubId });
    const edit = await api('/api/admin/profile', {
      token: accepted.body.access,
      body: { about_us: 'Ahoy.' },
    });
    expect(edit.status).toBe(200);

    const asStudent = await api('/api/student/login', { body: STUDENT });
    expect(claimsOf(asStudent.body.access)).toMatchObject({ role: 'student', club: null });
    const studentEdit = await api('/api/admin/profile', {
      token: asStudent.body.access,
      body: { about_us: 'x' },
    });
    expect(studentEdit.status).toBe(401);

    // Ownership to the student: the catalog follows (ClubOfficerChanged), `owner` names it.
    const studentId = (await api('/api/user/team', { token: owner.access })).body.officers.find(
      (o: { email: string }) => o.email === STUDENT.email,
    ).account_id;
    const transferred = await api('/api/user/team/transfer-ownership', {
      body: { account_id: studentId },
      token: owner.access,
    });
    expect(transferred.status).toBe(200);
    await eventually(async () => {
      const profile = await api('/api/admin/profile', { token: accepted.body.access });
      return profile.body.owner === STUDENT.email;
    });
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
