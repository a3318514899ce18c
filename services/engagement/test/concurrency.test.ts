import { eventually, storageKinds } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngagementHarness, startEngagement } from './engagement-harness.js';

// On PostgreSQL, requests really run side by side (a pool of connections): conditional moves let one
// of two concurrent moves win, and the per-club lock keeps every published member count true.
describe.each(await storageKinds())('concurrent moves (%s)', (kind) => {
  let e: EngagementHarness;
  beforeAll(async () => {
    e = await startEngagement(kind);
  }, 60_000);
  afterAll(() => e?.close());

  it('lets exactly one of several concurrent decisions on one application apply', async () => {
    const club = await e.addClub('race-club');
    const student = await e.addStudent();
    const id = (await e.join(club.linkName, student.token)).body.id;
    const officer = await e.addOfficer(club.clubId);
    const answers = await Promise.all([
      e.move(club.linkName, id, club.owner, 'accepted'),
      e.move(club.linkName, id, officer.token, 'rejected'),
      e.move(club.linkName, id, officer.token, 'accepted'),
      e.move(club.linkName, id, club.owner, 'rejected'),
    ]);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 200)) {
      expect(refused.status).toBe(409);
      expect(refused.body.data.status).not.toBe('applied');
    }
    const history = (await e.get(`/api/clubs/${club.linkName}/members/${id}`, club.owner)).body.history;
    expect(history.filter((move: { from: string | null }) => move.from === 'applied')).toHaveLength(1);
  });

  it('publishes a true member count when many students join at once, and one record per student', async () => {
    const club = await e.addClub('crowd-club', { applicationRequired: false });
    const students = await Promise.all(Array.from({ length: 12 }, () => e.addStudent()));
    const joins = await Promise.all(
      students.flatMap((s) => [e.join(club.linkName, s.token), e.join(club.linkName, s.token)]),
    );
    expect(joins.filter((j) => j.status === 201)).toHaveLength(12);
    expect(joins.filter((j) => j.status === 409)).toHaveLength(12);
    const counts = () =>
      e
        .published<{ clubId: string; members: number }>('ClubMembersCounted')
        .filter((c) => c.clubId === club.clubId)
        .map((c) => c.members);
    await eventually(() => counts().length === 12);
    expect([...counts()].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect((await e.get(`/api/clubs/${club.linkName}/membership`)).body.member_count).toBe(12);
  });
});
