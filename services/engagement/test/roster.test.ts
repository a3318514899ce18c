import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngagementHarness, startEngagement } from './engagement-harness.js';

describe('applications, rosters, exports and counts', () => {
  let e: EngagementHarness;
  beforeAll(async () => {
    e = await startEngagement();
  }, 60_000);
  afterAll(() => e?.close());

  const putQuestions = (link: string, token: string, questions: unknown[]) =>
    e.client(`/api/clubs/${link}/membership/questions`, { method: 'PUT', token, body: { questions } });

  it("checks answers against the club's questions, and defaults year and major from the profile", async () => {
    const club = await e.addClub('quiz-club');
    const set = await putQuestions(club.linkName, club.owner, [
      { prompt: 'Why us?', required: true },
      { prompt: 'Pick a team', required: false, choices: ['design', 'code'] },
    ]);
    expect(set.status).toBe(200);
    const [why, team] = set.body.questions;
    const student = await e.addStudent('Quinn', { year: 3, majors: [12, 4] });
    const apply = (answers: Record<string, string>) =>
      e.join(club.linkName, student.token, { answers, resume: false });
    expect((await apply({})).status).toBe(400); // required one missing
    expect((await apply({ [why.id]: 'x', [team.id]: 'sales' })).status).toBe(400); // not a choice
    expect((await apply({ [why.id]: 'x', [crypto.randomUUID()]: 'y' })).status).toBe(400); // not a question
    const ok = await apply({ [why.id]: 'Because', [team.id]: 'code' });
    expect(ok).toMatchObject({ status: 201, body: { status: 'applied', year: 3, major: 12 } });
    // Questions keep their ids when edited; unknown ids, too many, or bad prompts are 400s.
    const kept = await putQuestions(club.linkName, club.owner, [
      { id: why.id, prompt: 'Why us, really?', required: true },
    ]);
    expect(kept.body.questions).toEqual([
      { id: why.id, prompt: 'Why us, really?', required: true, choices: null },
    ]);
    expect(
      (
        await putQuestions(club.linkName, club.owner, [
          { id: crypto.randomUUID(), prompt: 'q', required: true },
        ])
      ).status,
    ).toBe(400);
    const many = Array.from({ length: 21 }, () => ({ prompt: 'q', required: false }));
    expect((await putQuestions(club.linkName, club.owner, many)).status).toBe(400);
    expect(
      (await putQuestions(club.linkName, club.owner, [{ prompt: 'x'.repeat(501), required: true }])).status,
    ).toBe(400);
    // The student sees it among their memberships, with the club's name and what they may do.
    const mine = await e.get('/api/student/memberships', student.token);
    expect(mine.body).toMatchObject([
      {
        club: { link_name: 'quiz-club', name: 'Club quiz-club' },
        status: 'applied',
        allowed_moves: ['withdrawn'],
      },
    ]);
  });

  it('filters the roster by status, year, major and text, and pages it', async () => {
    const club = await e.addClub('filter-club');
    const people = [
      { name: 'Alice Applicant', year: 1, major: 5, to: null },
      { name: 'Bob Interview', year: 3, major: 12, to: 'interview' },
      { name: 'Cara Interview', year: 3, major: 7, to: 'interview' },
      { name: 'Dan Member', year: 4, major: 12, to: 'accepted' },
    ];
    for (const person of people) {
      const s = await e.addStudent(person.name, { year: person.year, majors: [person.major] });
      const id = (await e.join(club.linkName, s.token)).body.id;
      if (person.to) expect((await e.move(club.linkName, id, club.owner, person.to)).status).toBe(200);
    }
    const names = async (query: string) => {
      const answer = await e.get(`/api/clubs/${club.linkName}/members?${query}`, club.owner);
      expect(answer.status, query).toBe(200);
      return answer.body.members.map((m: { name: string }) => m.name);
    };
    expect(await names('')).toHaveLength(4);
    expect(await names('status=interview')).toEqual(['Bob Interview', 'Cara Interview']);
    expect(await names('status=interview&year=3&major=12')).toEqual(['Bob Interview']);
    expect(await names('status=member')).toEqual(['Dan Member']);
    expect(await names('status=applied,member')).toEqual(['Alice Applicant', 'Dan Member']);
    expect(await names('status=applied&status=member')).toEqual(['Alice Applicant', 'Dan Member']);
    expect(await names('q=cara')).toEqual(['Cara Interview']);
    expect(await names('q=%25')).toEqual([]); // a % is text, not a pattern
    const page = await e.get(`/api/clubs/${club.linkName}/members?limit=2&offset=1`, club.owner);
    expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(page.body.members).toHaveLength(2);
    for (const bad of [
      'status=boss',
      'year=-1',
      'year=x',
      'limit=0',
      'limit=501',
      'offset=-2',
      `q=${'x'.repeat(201)}`,
    ]) {
      expect((await e.get(`/api/clubs/${club.linkName}/members?${bad}`, club.owner)).status, bad).toBe(400);
    }
    const stats = await e.get(`/api/clubs/${club.linkName}/members/stats`, club.owner);
    expect(stats.body.by_status).toEqual({ applied: 1, interview: 2, member: 1 });
    expect(stats.body.by_year).toContainEqual({ year: 3, status: 'interview', count: 2 });
    expect(stats.body.by_major).toContainEqual({ major: 12, status: 'member', count: 1 });
  });

  it('exports CSV with the answers, escaped, formulas neutralised', async () => {
    const club = await e.addClub('csv-club');
    const [q] = (
      await putQuestions(club.linkName, club.owner, [{ prompt: 'Motto, "quoted"', required: true }])
    ).body.questions;
    const s = await e.addStudent('=HYPERLINK("http://evil","x")');
    await e.join(club.linkName, s.token, { answers: { [q.id]: '+1 line\nbreak' }, resume: true });
    const csv = await e.get(`/api/clubs/${club.linkName}/members.csv?status=applied`, club.owner);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="csv-club-members.csv"');
    const [header, row] = (csv.body as string).split('\r\n');
    expect(header).toBe(
      'id,name,email,status,year,major,has_resume,applied_at,updated_at,"Motto, ""quoted"""',
    );
    expect(row).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv.body).toContain(`"'+1 line\nbreak"`);
    expect(row).toContain(`,${s.email},applied,2,7,true,`);
  });

  it('publishes the member count whenever it changes, and a MembershipChanged per move', async () => {
    const club = await e.addClub('count-club', { applicationRequired: false });
    const counts = () =>
      e
        .published<{ clubId: string; members: number }>('ClubMembersCounted')
        .filter((c) => c.clubId === club.clubId)
        .map((c) => c.members);
    const a = await e.addStudent();
    const b = await e.addStudent();
    const aId = (await e.join(club.linkName, a.token)).body.id;
    await e.join(club.linkName, b.token);
    await eventually(() => counts().length === 2);
    expect(counts()).toEqual([1, 2]);
    await e.move(club.linkName, aId, club.owner, 'alumni');
    await eventually(() => counts().length === 3);
    expect(counts().at(-1)).toBe(1);
    expect((await e.get(`/api/clubs/${club.linkName}/membership`)).body.member_count).toBe(1);
    const changes = e
      .published<{ membershipId: string; status: string; previousStatus: string | null }>('MembershipChanged')
      .filter((c) => c.membershipId === aId);
    expect(changes.map((c) => [c.previousStatus, c.status])).toEqual([
      [null, 'member'],
      ['member', 'alumni'],
    ]);
  });

  it("follows the club's terms: closed to new members, then open without an application", async () => {
    const club = await e.addClub('changing-club', { accepting: false });
    const s = await e.addStudent();
    expect((await e.join(club.linkName, s.token)).status).toBe(409);
    await e.updateClub(club.clubId, club.linkName, { accepting: true, applicationRequired: false });
    expect((await e.join(club.linkName, s.token)).body.status).toBe('member');
  });

  it('deletes a student’s memberships with their account, and publishes the counts again', async () => {
    const club = await e.addClub('gone-student', { applicationRequired: false });
    const s = await e.addStudent();
    await e.join(club.linkName, s.token);
    const counts = () =>
      e
        .published<{ clubId: string; members: number }>('ClubMembersCounted')
        .filter((c) => c.clubId === club.clubId)
        .map((c) => c.members);
    await eventually(() => counts().length === 1);
    await e.deleteAccount(s.id);
    await eventually(() => counts().length === 2);
    expect(counts()).toEqual([1, 0]);
    expect((await e.get(`/api/clubs/${club.linkName}/members`, club.owner)).body.total).toBe(0);
    expect((await e.get('/api/student/memberships', s.token)).body).toEqual([]);
  });

  it("ends a deleted club's memberships: the club answers 404, students no longer list it", async () => {
    const club = await e.addClub('gone-club');
    const s = await e.addStudent();
    await e.join(club.linkName, s.token);
    await e.deleteClub(club.clubId, club.linkName);
    expect((await e.get(`/api/clubs/${club.linkName}/membership`)).status).toBe(404);
    expect((await e.get(`/api/clubs/${club.linkName}/members`, club.owner)).status).toBe(404);
    expect((await e.get('/api/student/memberships', s.token)).body).toEqual([]);
    // A late update does not bring it back.
    await e.updateClub(club.clubId, club.linkName, { accepting: true });
    expect((await e.get(`/api/clubs/${club.linkName}/membership`)).status).toBe(404);
  });

  it("gives officers a link to an applicant's résumé from media: 404 without one, 503 when media is down", async () => {
    const club = await e.addClub('resume-club');
    const withResume = await e.addStudent();
    const without = await e.addStudent();
    const id = (await e.join(club.linkName, withResume.token, { answers: {}, resume: true })).body.id;
    const noneId = (await e.join(club.linkName, without.token, { answers: {}, resume: false })).body.id;
    const resume = (membershipId: string) =>
      e.get(`/api/clubs/${club.linkName}/members/${membershipId}/resume`, club.owner);
    const ok = await resume(id);
    expect(ok).toMatchObject({ status: 200, body: { download: expect.stringContaining(withResume.id) } });
    expect(e.media.calls.at(-1)).toBe(`/internal/documents/${withResume.id}/resume`);
    expect((await resume(noneId)).status).toBe(404);
    e.media.answer(() => ({ status: 200, body: { exists: false, download: null } }));
    expect(await resume(id)).toMatchObject({ status: 404, body: { status: 'error' } });
    e.media.answer(() => 'down');
    expect(await resume(id)).toMatchObject({ status: 503, body: { status: 'error' } });
    // The applicant themselves has no résumé route (officers only).
    expect((await e.get(`/api/clubs/${club.linkName}/members/${id}/resume`, withResume.token)).status).toBe(
      403,
    );
  });
});
