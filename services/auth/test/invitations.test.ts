import { fetchJson, infraAvailable } from '@sproul/common/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHarness, type AuthHarnessKind, startAuth } from './auth-harness.js';
import { claimsOf, PASSWORD, teamFixtures } from './team-fixtures.js';

describe('officer invitations', () => {
  let auth: AuthHarness;
  let team: ReturnType<typeof teamFixtures>;
  let club: Awaited<ReturnType<ReturnType<typeof teamFixtures>['registerClub']>>;
  beforeAll(async () => {
    auth = await startAuth();
    team = teamFixtures(auth);
    club = await team.registerClub('inviter@berkeley.edu', 'Cal Inviters');
  }, 60_000);
  afterAll(() => auth?.close());

  it('emails a 72-hour link naming the club, the inviter and the role', async () => {
    const { token } = await team.invite(club.tokens.access, 'New.One@Example.com', 'new.one@example.com');
    const email = [...auth.events].reverse().find((e) => e.type === 'EmailRequested')!;
    const variables = (email.data as { variables: Record<string, string> }).variables;
    expect(email.data).toMatchObject({ to: 'new.one@example.com', template: 'officer-invitation' });
    expect(variables).toMatchObject({ club_name: 'Cal Inviters', role: 'officer' });
    expect(variables.accept_url).toBe(`http://api.test/accept-invitation?token=${token}`);
    const hours = (Date.parse(variables.expires_at!) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    const preview = await fetchJson(auth.url(`/api/user/invitations/${token}`));
    expect(preview).toMatchObject({
      status: 200,
      body: {
        club_name: 'Cal Inviters',
        email: 'new.one@example.com',
        role: 'officer',
        account_exists: false,
      },
    });
  });

  it('creates a confirmed officer account on acceptance (password required), once; a second accept is 410', async () => {
    const { token } = await team.invite(club.tokens.access, 'fresh@example.com');
    expect((await team.accept(token)).status).toBe(400);
    expect((await team.accept(token, { password: 'weak' })).status).toBe(400);
    const res = await team.accept(token, { password: PASSWORD, name: 'Fresh' });
    expect(res.status).toBe(200);
    expect(claimsOf(res.body.access)).toMatchObject({ role: 'officer', club: club.clubId });
    const again = await team.accept(token, { password: PASSWORD });
    expect(again).toMatchObject({
      status: 410,
      body: { status: 'error', reason: expect.any(String), data: { state: 'accepted' } },
    });
    expect(await fetchJson(auth.url(`/api/user/invitations/${token}`))).toMatchObject({
      status: 410,
      body: { data: { state: 'accepted' } },
    });
    // It signs in with that password, acting for the club.
    expect(claimsOf((await team.login('fresh@example.com')).access).club).toBe(club.clubId);
    await auth.settled();
    const granted = auth.events.find(
      (e) => e.type === 'ClubOfficerChanged' && (e.data as { email: string }).email === 'fresh@example.com',
    );
    expect(granted?.data).toMatchObject({ clubId: club.clubId, role: 'officer', changedBy: club.ownerId });
  });

  it('grants an existing account without a password; it keeps its kind', async () => {
    const other = await team.registerClub('other-owner@berkeley.edu');
    const { token } = await team.invite(club.tokens.access, 'other-owner@berkeley.edu');
    expect((await fetchJson(auth.url(`/api/user/invitations/${token}`))).body.account_exists).toBe(true);
    const res = await team.accept(token);
    expect(res.status).toBe(200);
    expect(claimsOf(res.body.access)).toMatchObject({ role: 'officer', club: club.clubId });
    // Its own sessions still start on the club it owns.
    expect(claimsOf((await team.login('other-owner@berkeley.edu')).access).club).toBe(other.clubId);
  });

  it('answers 404 for an unknown token and 410 for an expired one', async () => {
    expect((await fetchJson(auth.url('/api/user/invitations/nope'))).status).toBe(404);
    expect((await team.accept('nope', { password: PASSWORD })).status).toBe(404);
    const { token } = await team.invite(club.tokens.access, 'late@example.com');
    await auth.db.execute(
      sql`update auth.invitations set expires_at = now() - interval '1 second' where email = 'late@example.com'`,
    );
    expect(await fetchJson(auth.url(`/api/user/invitations/${token}`))).toMatchObject({
      status: 410,
      body: { data: { state: 'expired' } },
    });
    expect((await team.accept(token, { password: PASSWORD })).status).toBe(410);
  });

  it('re-inviting replaces the open invitation: the old token is dead', async () => {
    const first = await team.invite(club.tokens.access, 'twice@example.com');
    const second = await team.invite(club.tokens.access, 'twice@example.com');
    expect(second.token).not.toBe(first.token);
    expect(await team.accept(first.token, { password: PASSWORD })).toMatchObject({
      status: 410,
      body: { data: { state: 'revoked' } },
    });
    const listed = await fetchJson(auth.url('/api/user/team'), { token: club.tokens.access });
    const open = listed.body.invitations.filter((i: { email: string }) => i.email === 'twice@example.com');
    expect(open).toEqual([expect.objectContaining({ id: second.invitation.id })]);
    expect((await team.accept(second.token, { password: PASSWORD })).status).toBe(200);
  });

  it('revoking kills the link; inviting an existing officer is 409', async () => {
    const { token, invitation } = await team.invite(club.tokens.access, 'revoked@example.com');
    const revoke = () =>
      fetchJson(auth.url(`/api/user/team/invitations/${invitation.id}`), {
        method: 'DELETE',
        token: club.tokens.access,
      });
    expect((await revoke()).status).toBe(200);
    expect((await revoke()).status).toBe(404);
    expect(await team.accept(token, { password: PASSWORD })).toMatchObject({
      status: 410,
      body: { data: { state: 'revoked' } },
    });
    const existing = await fetchJson(auth.url('/api/user/team/invitations'), {
      body: { email: 'fresh@example.com' },
      token: club.tokens.access,
    });
    expect(existing).toMatchObject({ status: 409, body: { status: 'error' } });
  });

  it('refuses bad bodies with 400', async () => {
    for (const body of [{}, { token: '' }, { token: 'x', extra: 1 }, { token: 5 }]) {
      expect((await fetchJson(auth.url('/api/user/invitations/accept'), { body })).status).toBe(400);
    }
    const badEmail = await fetchJson(auth.url('/api/user/team/invitations'), {
      body: { email: 'not-an-email' },
      token: club.tokens.access,
    });
    expect(badEmail.status).toBe(400);
  });
});

describe.each(['embedded', 'postgres+redis'] as AuthHarnessKind[])(
  'concurrent acceptance (%s)',
  async (kind) => {
    const available = kind === 'embedded' || (await infraAvailable('postgres', 'redis'));
    let auth: AuthHarness;
    beforeAll(async () => {
      if (available) auth = await startAuth(kind);
    }, 60_000);
    afterAll(() => auth?.close());

    it.skipIf(!available)('of five acceptances of one token exactly one wins', async () => {
      const team = teamFixtures(auth);
      const club = await team.registerClub('race-owner@berkeley.edu');
      await team.registerClub('race-existing@berkeley.edu');
      for (const [email, body] of [
        ['race-new@example.com', { password: PASSWORD }],
        ['race-existing@berkeley.edu', {}],
      ] as const) {
        const { token } = await team.invite(club.tokens.access, email);
        const answers = await Promise.all(Array.from({ length: 5 }, () => team.accept(token, body)));
        expect(answers.map((a) => a.status).sort()).toEqual([200, 410, 410, 410, 410]);
        const grants = await team.query(
          sql`select 1 from auth.club_officers o join auth.accounts a on a.id = o.account_id
            where o.club_id = ${club.clubId} and a.email = ${email}`,
        );
        expect(grants).toHaveLength(1);
      }
    });
  },
);
