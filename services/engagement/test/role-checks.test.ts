import { ClubCreatedV2 } from '@sproul/common/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clubSummary, type EngagementHarness, startEngagement } from './engagement-harness.js';

// Every club route, called by everyone who must be refused and by the club's own officers. The role
// comes from engagement's copy of the team (ClubOfficerChanged), never from the token's `club` claim.

interface ClubRoute {
  method: 'GET' | 'POST' | 'PUT';
  path: (link: string, id: string) => string;
  body?: unknown;
  /** Admins may read. */
  read: boolean;
}

const clubRoutes: ClubRoute[] = [
  {
    method: 'PUT',
    path: (l) => `/api/clubs/${l}/membership/questions`,
    body: { questions: [] },
    read: false,
  },
  { method: 'GET', path: (l) => `/api/clubs/${l}/members`, read: true },
  { method: 'GET', path: (l) => `/api/clubs/${l}/members.csv`, read: true },
  { method: 'GET', path: (l) => `/api/clubs/${l}/members/stats`, read: true },
  { method: 'GET', path: (l, id) => `/api/clubs/${l}/members/${id}`, read: true },
  {
    method: 'POST',
    path: (l, id) => `/api/clubs/${l}/members/${id}/status`,
    body: { status: 'under_review' },
    read: false,
  },
  { method: 'GET', path: (l, id) => `/api/clubs/${l}/members/${id}/resume`, read: true },
];

describe('the role check of every club route', () => {
  let e: EngagementHarness;
  let club: Awaited<ReturnType<EngagementHarness['addClub']>>;
  const tokens = {} as Record<
    'owner' | 'officer' | 'otherClubOfficer' | 'removedOfficer' | 'claimOnly' | 'student' | 'admin',
    string
  >;
  beforeAll(async () => {
    e = await startEngagement();
    club = await e.addClub('guarded');
    const other = await e.addClub('elsewhere');
    tokens.owner = club.owner;
    tokens.officer = (await e.addOfficer(club.clubId)).token;
    tokens.otherClubOfficer = other.owner;
    // An officer removed from the team: their token still names the club, and still verifies.
    const removed = await e.addOfficer(club.clubId);
    await e.setOfficer(club.clubId, removed.id, null);
    tokens.removedOfficer = removed.token;
    // A token whose `club` claim names this club, for an account that is not on its team.
    tokens.claimOnly = await e.auth.token('officer', { club: club.clubId });
    tokens.student = (await e.addStudent()).token;
    tokens.admin = await e.auth.token('admin');
  }, 60_000);
  afterAll(() => e?.close());

  /** A fresh application to the club (each allowed status move needs one still at `applied`). */
  const application = async () => {
    const student = await e.addStudent();
    const answer = await e.join(club.linkName, student.token, { answers: {}, resume: true });
    expect(answer.status).toBe(201);
    return answer.body.id as string;
  };
  const call = async (route: ClubRoute, token: string | undefined) =>
    e.client(route.path(club.linkName, await application()), {
      method: route.method,
      token,
      ...(route.body ? { body: route.body } : {}),
    });

  for (const route of clubRoutes) {
    const name = `${route.method} ${route.path(':link', ':id')}`;
    it(`${name}: refuses anonymous (401), another club's officer, a removed officer, a club claim alone, a student (403)`, async () => {
      const anonymous = await call(route, undefined);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.status).toBe('error');
      for (const who of ['otherClubOfficer', 'removedOfficer', 'claimOnly', 'student'] as const) {
        const answer = await call(route, tokens[who]);
        expect(answer.status, who).toBe(403);
        expect(answer.body, who).toMatchObject({ status: 'error' });
      }
    });
    it(`${name}: allows the club's owner and its officers${route.read ? ', and admins to read' : ', not admins'}`, async () => {
      for (const who of ['owner', 'officer'] as const) {
        const answer = await call(route, tokens[who]);
        expect(answer.status, `${who}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
      }
      const admin = await call(route, tokens.admin);
      if (route.read) expect(admin.status).toBeLessThan(300);
      else expect(admin.status).toBe(403);
    });
  }

  it('lets the student read and move their own membership, never another student', async () => {
    const me = await e.addStudent();
    const id = (await e.join(club.linkName, me.token)).body.id;
    expect((await e.get(`/api/clubs/${club.linkName}/members/${id}`, me.token)).body.allowed_moves).toEqual([
      'withdrawn',
    ]);
    expect((await e.get(`/api/clubs/${club.linkName}/members/${id}`, tokens.student)).status).toBe(403);
    expect((await e.move(club.linkName, id, tokens.student, 'withdrawn')).status).toBe(403);
    expect((await e.move(club.linkName, id, me.token, 'withdrawn')).status).toBe(200);
    // Not a membership of this club: 404 wherever it belongs.
    expect((await e.get(`/api/clubs/elsewhere/members/${id}`, tokens.otherClubOfficer)).status).toBe(404);
  });

  it('answers the membership terms to anyone, and applications only to students', async () => {
    const terms = await e.get(`/api/clubs/${club.linkName}/membership`);
    expect(terms).toMatchObject({ status: 200, body: { accepting: true, application_required: true } });
    // A wrong role is the kernel's 401 (upstream's answer, which its web client relies on).
    expect((await e.join(club.linkName, tokens.owner)).status).toBe(401);
    expect((await e.join(club.linkName, '')).status).toBe(401);
    expect((await e.get('/api/student/memberships')).status).toBe(401);
    expect((await e.get('/api/student/memberships', tokens.owner)).status).toBe(401);
    expect((await e.get('/api/clubs/no-such-club/membership')).status).toBe(404);
  });

  it('takes the registering account as owner from ClubCreated, unless auth named the team first', async () => {
    const registrar = crypto.randomUUID();
    const clubId = crypto.randomUUID();
    const summary = { ...clubSummary('new-club'), name: 'New' };
    await e.emit(ClubCreatedV2, { clubId, ownerUserId: registrar, club: summary }, 'catalog');
    const token = await e.auth.token('officer', { sub: registrar, club: clubId });
    expect((await e.get('/api/clubs/new-club/members', token)).status).toBe(200);
    // Auth announced another owner before the catalog's ClubCreated arrived: the registrar is not added.
    const otherId = crypto.randomUUID();
    const owner = crypto.randomUUID();
    await e.setOfficer(otherId, owner, 'owner');
    await e.emit(
      ClubCreatedV2,
      { clubId: otherId, ownerUserId: registrar, club: { ...summary, link_name: 'other-new' } },
      'catalog',
    );
    expect((await e.get('/api/clubs/other-new/members', token)).status).toBe(403);
    expect(
      (await e.get('/api/clubs/other-new/members', await e.auth.token('officer', { sub: owner }))).status,
    ).toBe(200);
  });

  it('gives a removed officer access back when auth adds them again', async () => {
    const officer = await e.addOfficer(club.clubId);
    const roster = () => e.get(`/api/clubs/${club.linkName}/members`, officer.token);
    expect((await roster()).status).toBe(200);
    await e.setOfficer(club.clubId, officer.id, null);
    expect((await roster()).status).toBe(403);
    await e.setOfficer(club.clubId, officer.id, 'officer');
    expect((await roster()).status).toBe(200);
  });
});
