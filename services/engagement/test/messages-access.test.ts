import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngagementHarness, startEngagement } from './engagement-harness.js';
import { clubWithPeople, messagesOn } from './messages-harness.js';

// Every message route, called by everyone who must be refused and by the club's own officers. As for
// the roster, the role is engagement's copy of the team, never the token's `club` claim.

type Who = 'owner' | 'officer' | 'otherClubOfficer' | 'removedOfficer' | 'claimOnly' | 'student' | 'admin';

describe('the role check of every message route', () => {
  let e: EngagementHarness;
  let m: ReturnType<typeof messagesOn>;
  let club: Awaited<ReturnType<typeof clubWithPeople>>;
  let messageId: string;
  const tokens = {} as Record<Who, string>;
  beforeAll(async () => {
    e = await startEngagement('embedded', {
      MESSAGES_PER_CLUB_PER_HOUR: '100',
      MESSAGES_PER_CLUB_PER_DAY: '100',
    });
    m = messagesOn(e);
    club = await clubWithPeople(e, 'guarded', [{ name: 'Member Person', status: 'member' }]);
    const other = await e.addClub('elsewhere');
    tokens.owner = club.owner;
    tokens.officer = (await e.addOfficer(club.clubId)).token;
    tokens.otherClubOfficer = other.owner;
    const removed = await e.addOfficer(club.clubId);
    await e.setOfficer(club.clubId, removed.id, null);
    tokens.removedOfficer = removed.token;
    tokens.claimOnly = await e.auth.token('officer', { club: club.clubId });
    tokens.student = club.students[0]?.token as string;
    tokens.admin = await e.auth.token('admin');
    const sent = await m.send(club.linkName, club.owner, {
      subject: 's',
      body: 'b',
      to: { statuses: ['member'] },
    });
    expect(sent.status).toBe(202);
    messageId = sent.body.message.id;
  }, 60_000);
  afterAll(() => e?.close());

  const routes = [
    {
      name: 'POST /api/clubs/:link/messages',
      call: (token?: string) =>
        m.send(club.linkName, token, { subject: 's', body: 'b', to: { statuses: ['member'] } }),
      read: false,
    },
    {
      name: 'GET /api/clubs/:link/messages',
      call: (token?: string) => m.list(club.linkName, token),
      read: true,
    },
    {
      name: 'GET /api/clubs/:link/messages/:id',
      call: (token?: string) => m.one(club.linkName, messageId, token),
      read: true,
    },
  ];

  for (const route of routes) {
    it(`${route.name}: refuses anonymous (401), another club's officer, a removed officer, a club claim alone, a student (403)`, async () => {
      const anonymous = await route.call(undefined);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.status).toBe('error');
      for (const who of ['otherClubOfficer', 'removedOfficer', 'claimOnly', 'student'] as const) {
        const answer = await route.call(tokens[who]);
        expect(answer.status, who).toBe(403);
        expect(answer.body, who).toMatchObject({ status: 'error' });
      }
    });
    it(`${route.name}: allows the club's owner and officers${route.read ? ', and admins to read' : ', not admins'}`, async () => {
      for (const who of ['owner', 'officer'] as const) {
        const answer = await route.call(tokens[who]);
        expect(answer.status, `${who}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
      }
      const admin = await route.call(tokens.admin);
      expect(admin.status).toBe(route.read ? 200 : 403);
    });
  }

  it("answers 404 for another club's message and for an unknown club", async () => {
    const other = await clubWithPeople(e, 'other-sender', [{ name: 'Someone', status: 'member' }]);
    expect((await m.one(other.linkName, messageId, other.owner)).status).toBe(404);
    expect((await m.list('no-such-club', club.owner)).status).toBe(404);
  });
});
