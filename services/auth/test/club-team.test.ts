import { randomUUID } from 'node:crypto';
import { ClubDeletedV1, makeEvent, ReadModelReplayRequestedV1 } from '@sproul/common/events';
import { eventually, fetchJson, infraAvailable } from '@sproul/common/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHarness, type AuthHarnessKind, startAuth } from './auth-harness.js';
import { claimsOf, PASSWORD, teamFixtures } from './team-fixtures.js';

describe('club teams', () => {
  let auth: AuthHarness;
  let team: ReturnType<typeof teamFixtures>;
  beforeAll(async () => {
    auth = await startAuth();
    team = teamFixtures(auth);
  }, 60_000);
  afterAll(() => auth?.close());

  const get = (path: string, token?: string) => fetchJson(auth.url(path), { token });
  const del = (path: string, token?: string) => fetchJson(auth.url(path), { method: 'DELETE', token });
  const post = (path: string, body: unknown, token?: string) => fetchJson(auth.url(path), { body, token });
  const officerEvents = (clubId: string, accountId: string) =>
    auth.events
      .filter((e) => e.type === 'ClubOfficerChanged')
      .map(
        (e) => e.data as { clubId: string; accountId: string; role: string | null; changedBy: string | null },
      )
      .filter((d) => d.clubId === clubId && d.accountId === accountId);

  it('registering a club makes its account the owner, announced with changedBy null; tokens act for it', async () => {
    const club = await team.registerClub('owner1@berkeley.edu');
    expect(claimsOf(club.tokens.access).club).toBe(club.clubId);
    await auth.settled();
    expect(officerEvents(club.clubId, club.ownerId)).toEqual([
      expect.objectContaining({ role: 'owner', changedBy: null }),
    ]);
    const res = await get('/api/user/team', club.tokens.access);
    expect(res.body).toMatchObject({
      club_id: club.clubId,
      officers: [{ account_id: club.ownerId, email: 'owner1@berkeley.edu', role: 'owner' }],
      invitations: [],
    });
  });

  it('refuses anonymous (401), students and officers acting for no club (403); owner-only actions to officers (403)', async () => {
    const club = await team.registerClub('owner2@berkeley.edu');
    const officer = await team.addOfficer(club.tokens.access, 'officer2@example.com');
    expect((await get('/api/user/team')).status).toBe(401);
    expect((await post('/api/user/team/invitations', { email: 'x@example.com' })).status).toBe(401);
    await post('/api/student/register', { email: 'stu@berkeley.edu', password: PASSWORD, name: 'Stu' });
    const student = (await post('/api/student/login', { email: 'stu@berkeley.edu', password: PASSWORD }))
      .body;
    const refused = await get('/api/user/team', student.access);
    expect(refused).toMatchObject({ status: 403, body: { status: 'error' } });
    expect(
      (await post('/api/user/team/invitations', { email: 'x@example.com' }, student.access)).status,
    ).toBe(403);
    // An officer reads the team but may not invite, revoke, remove others or transfer.
    expect((await get('/api/user/team', officer.tokens.access)).status).toBe(200);
    const asOfficer = officer.tokens.access;
    expect((await post('/api/user/team/invitations', { email: 'x@example.com' }, asOfficer)).status).toBe(
      403,
    );
    expect((await del(`/api/user/team/officers/${club.ownerId}`, asOfficer)).status).toBe(403);
    const transfer = await post(
      '/api/user/team/transfer-ownership',
      { account_id: officer.accountId },
      asOfficer,
    );
    expect(transfer.status).toBe(403);
  });

  it('transfers ownership in one step: exactly one owner after, the old owner an officer', async () => {
    const club = await team.registerClub('owner3@berkeley.edu');
    const officer = await team.addOfficer(club.tokens.access, 'officer3@example.com');
    const outsider = await team.registerClub('outsider3@berkeley.edu');
    const to = (accountId: string) =>
      post('/api/user/team/transfer-ownership', { account_id: accountId }, club.tokens.access);
    expect((await to(outsider.ownerId)).status).toBe(409);
    expect((await to(club.ownerId)).status).toBe(409);
    expect(
      (await post('/api/user/team/transfer-ownership', { account_id: 'x' }, club.tokens.access)).status,
    ).toBe(400);
    expect((await to(officer.accountId)).status).toBe(200);
    const roles = await team.query<{ account_id: string; role: string }>(
      sql`select account_id, role from auth.club_officers where club_id = ${club.clubId} order by role`,
    );
    expect(roles).toEqual([
      { account_id: club.ownerId, role: 'officer' },
      { account_id: officer.accountId, role: 'owner' },
    ]);
    // The old owner can no longer transfer back nor remove; the new owner can remove the old.
    expect((await to(officer.accountId)).status).toBe(403);
    expect((await del(`/api/user/team/officers/${officer.accountId}`, club.tokens.access)).status).toBe(403);
    await auth.settled();
    expect(officerEvents(club.clubId, officer.accountId).at(-1)).toMatchObject({
      role: 'owner',
      changedBy: club.ownerId,
    });
    expect(officerEvents(club.clubId, club.ownerId).at(-1)).toMatchObject({ role: 'officer' });
  });

  it('the owner cannot be removed (409); a removed officer is announced and its token for the club dies; refresh moves it on', async () => {
    const club = await team.registerClub('owner4@berkeley.edu');
    const officer = await team.addOfficer(club.tokens.access, 'officer4@example.com');
    expect((await del(`/api/user/team/officers/${club.ownerId}`, club.tokens.access)).status).toBe(409);
    expect((await del(`/api/user/team/officers/${club.ownerId}`, club.tokens.access)).body.status).toBe(
      'error',
    );
    expect((await get('/api/user/team', officer.tokens.access)).status).toBe(200);
    expect((await del(`/api/user/team/officers/${officer.accountId}`, club.tokens.access)).status).toBe(200);
    expect((await del(`/api/user/team/officers/${officer.accountId}`, club.tokens.access)).status).toBe(404);
    // Refused by auth's verifier, as every service's (the shared denylist).
    expect(await get('/api/user/team', officer.tokens.access)).toMatchObject({
      status: 401,
      body: { reason: 'Token has been revoked' },
    });
    await expect(auth.context.verifier.verify(officer.tokens.access)).rejects.toThrow(
      'Token has been revoked',
    );
    const refreshed = await fetchJson(auth.url('/api/user/refresh'), {
      method: 'POST',
      token: officer.tokens.refresh,
    });
    expect(refreshed.status).toBe(200);
    expect(claimsOf(refreshed.body.access).club).toBeNull();
    await auth.context.verifier.verify(refreshed.body.access);
    await auth.settled();
    expect(officerEvents(club.clubId, officer.accountId).at(-1)).toMatchObject({
      role: null,
      changedBy: club.ownerId,
    });
    const outbox = await team.query(
      sql`select 1 from auth.outbox where type = 'ClubOfficerChanged' and payload->'data'->>'accountId' = ${officer.accountId}
          and payload->'data'->>'role' is null`,
    );
    expect(outbox).toHaveLength(1);
  });

  it('an officer may leave (remove himself)', async () => {
    const club = await team.registerClub('owner5@berkeley.edu');
    const officer = await team.addOfficer(club.tokens.access, 'officer5@example.com');
    expect((await del(`/api/user/team/officers/${officer.accountId}`, officer.tokens.access)).status).toBe(
      200,
    );
    expect((await get('/api/user/team', officer.tokens.access)).status).toBe(401);
    const left = await get('/api/user/team', club.tokens.access);
    expect(left.body.officers).toHaveLength(1);
  });

  it('an officer of two clubs switches between them; refresh keeps the switched club; club B is out of reach from A', async () => {
    const a = await team.registerClub('owner-a@berkeley.edu', 'Club A');
    const b = await team.registerClub('owner-b@berkeley.edu', 'Club B');
    const c = await team.registerClub('owner-c@berkeley.edu', 'Club C');
    // A's owner joins B as an officer.
    const { token } = await team.invite(b.tokens.access, 'owner-a@berkeley.edu');
    expect((await team.accept(token)).status).toBe(200);
    const clubs = await get('/api/user/clubs', a.tokens.access);
    expect(clubs.body).toEqual([
      { club_id: a.clubId, name: 'Club A', role: 'owner', active: true },
      { club_id: b.clubId, name: 'Club B', role: 'officer', active: false },
    ]);
    // Acting for A: B's team is not reachable (routes act on the token's club only).
    expect((await get('/api/user/team', a.tokens.access)).body.club_id).toBe(a.clubId);
    expect((await post('/api/user/switch-club', { club_id: c.clubId }, a.tokens.access)).status).toBe(403);
    expect((await post('/api/user/switch-club', { club_id: 'nope' }, a.tokens.access)).status).toBe(403);
    expect((await post('/api/user/switch-club', {}, a.tokens.access)).status).toBe(400);
    expect((await post('/api/user/switch-club', { club_id: b.clubId })).status).toBe(401);
    const switched = await post('/api/user/switch-club', { club_id: b.clubId }, a.tokens.access);
    expect(switched.status).toBe(200);
    expect(claimsOf(switched.body.access).club).toBe(b.clubId);
    expect((await get('/api/user/team', switched.body.access)).body.club_id).toBe(b.clubId);
    // An officer in B: B's owner-only actions are refused.
    const invite = await post('/api/user/team/invitations', { email: 'y@example.com' }, switched.body.access);
    expect(invite.status).toBe(403);
    // The refresh token held before the switch too (presented first: an older generation after a newer one is reuse).
    for (const refresh of [a.tokens.refresh, switched.body.refresh]) {
      const res = await fetchJson(auth.url('/api/user/refresh'), { method: 'POST', token: refresh });
      expect(res.status).toBe(200);
      expect(claimsOf(res.body.access).club).toBe(b.clubId);
    }
    // Removed from B: refresh falls back to A.
    expect((await del(`/api/user/team/officers/${a.ownerId}`, b.tokens.access)).status).toBe(200);
    const after = await fetchJson(auth.url('/api/user/refresh'), {
      method: 'POST',
      token: switched.body.refresh,
    });
    expect(claimsOf(after.body.access).club).toBe(a.clubId);
  });

  it('a deleted club ends every officer (role null) and their tokens for it; an account deleted ends its grants', async () => {
    const club = await team.registerClub('owner6@berkeley.edu');
    await team.registerClub('officer6@berkeley.edu');
    const { token } = await team.invite(club.tokens.access, 'officer6@berkeley.edu');
    const joined = await team.accept(token);
    const officerId = await team.accountId('officer6@berkeley.edu');
    const leaver = await team.addOfficer(club.tokens.access, 'leaver6@example.com');
    expect((await del('/api/user', leaver.tokens.access)).status).toBe(200);
    await auth.settled();
    expect(officerEvents(club.clubId, leaver.accountId).at(-1)).toMatchObject({ role: null });

    await auth.bus.publish([
      makeEvent(
        ClubDeletedV1,
        { clubId: club.clubId, ownerUserId: club.ownerId, link_name: 'gone-club' },
        'catalog',
      ),
    ]);
    await eventually(
      async () =>
        (await team.query(sql`select 1 from auth.club_officers where club_id = ${club.clubId}`)).length === 0,
    );
    await auth.settled();
    expect(officerEvents(club.clubId, officerId).at(-1)).toMatchObject({ role: null, changedBy: null });
    expect(officerEvents(club.clubId, club.ownerId).at(-1)).toMatchObject({ role: null });
    await expect(auth.context.verifier.verify(joined.body.access)).rejects.toThrow('Token has been revoked');
    // The officer still owns its own club, and keeps its account; the registering owner's account goes.
    expect(claimsOf((await team.login('officer6@berkeley.edu')).access).club).not.toBe(club.clubId);
    expect(await team.query(sql`select 1 from auth.accounts where id = ${club.ownerId}`)).toHaveLength(0);
  });
});

describe.each(['embedded', 'postgres+redis'] as AuthHarnessKind[])('replays (%s)', async (kind) => {
  const available = kind === 'embedded' || (await infraAvailable('postgres', 'redis'));
  let auth: AuthHarness;
  beforeAll(async () => {
    if (available) auth = await startAuth(kind);
  }, 60_000);
  afterAll(() => auth?.close());

  it.skipIf(!available)('a read-model replay restates every grant, before its end marker', async () => {
    const team = teamFixtures(auth);
    const club = await team.registerClub('replay-owner@berkeley.edu');
    const officer = await team.addOfficer(club.tokens.access, 'replay-officer@example.com');
    await auth.settled();
    const before = auth.events.length;
    const replayId = randomUUID();
    await auth.bus.publish([
      makeEvent(
        ReadModelReplayRequestedV1,
        { replayId, requestedBy: 'engagement', owners: ['auth'] },
        'engagement',
      ),
    ]);
    await eventually(() => auth.events.slice(before).some((e) => e.type === 'ReadModelReplayed'));
    const restated = auth.events
      .slice(before)
      .filter((e) => e.type === 'ClubOfficerChanged')
      .map((e) => e.data);
    expect(restated).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ clubId: club.clubId, accountId: club.ownerId, role: 'owner' }),
        expect.objectContaining({ clubId: club.clubId, accountId: officer.accountId, role: 'officer' }),
      ]),
    );
  });
});

describe.each(['postgres+redis'] as AuthHarnessKind[])(
  'removed officer tokens over Redis (%s)',
  async (kind) => {
    const available = await infraAvailable('postgres', 'redis');
    let auth: AuthHarness;
    beforeAll(async () => {
      if (available) auth = await startAuth(kind);
    }, 60_000);
    afterAll(() => auth?.close());

    it.skipIf(!available)(
      'refuses the old token for that club at once, and a token minted after a new grant works',
      async () => {
        const team = teamFixtures(auth);
        const club = await team.registerClub('redis-owner@berkeley.edu');
        const officer = await team.addOfficer(club.tokens.access, 'redis-officer@example.com');
        const removedAt = Math.floor(Date.now() / 1000);
        await fetchJson(auth.url(`/api/user/team/officers/${officer.accountId}`), {
          method: 'DELETE',
          token: club.tokens.access,
        });
        await expect(auth.context.verifier.verify(officer.tokens.access)).rejects.toThrow(
          'Token has been revoked',
        );
        // Re-invited once the removal's second is over (token times are in seconds): new tokens work again.
        await eventually(() => Math.floor(Date.now() / 1000) > removedAt + 1);
        const { token } = await team.invite(club.tokens.access, 'redis-officer@example.com');
        const back = await team.accept(token);
        expect(back.status).toBe(200);
        await expect(auth.context.verifier.verify(back.body.access)).resolves.toMatchObject({
          club: club.clubId,
        });
      },
    );
  },
);
