import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devMailsTo, devMailTo, linkIn } from './support/mail.js';
import { type OfficerSession, signInOfficer, signUpOfficer } from './support/officer.js';
import { type Api, startTestPlatform, type TestPlatform } from './support/platform.js';
import { type StudentAccount, signUpStudent } from './support/student.js';

const ADMIN = { email: 'admin@campus.test', password: 'Admin-pass-42!' };
const OWNER = {
  email: 'rowing@berkeley.edu',
  password: 'Rowing-4-ever!',
  club: 'Cal Rowing',
  app_required: true,
};
const SECOND = { email: 'second@example.com', password: 'Second-oar-2026!', name: 'Sam Second' };
const OTHER_CLUB = { email: 'chess@berkeley.edu', password: 'Chess-4-ever!', club: 'Chess Club' };
const A: StudentAccount = { email: 'alice@berkeley.edu', password: 'Alice-rows-2026!', name: 'Alice Adams' };
const B: StudentAccount = { email: 'bruno@berkeley.edu', password: 'Bruno-rows-2026!', name: 'Bruno Brown' };
const C: StudentAccount = { email: 'chen@berkeley.edu', password: 'Chen-rows-2026!', name: 'Chen Carter' };

const ABOUT = 'We row on the Oakland Estuary at dawn.';
const INVITATION_SUBJECT = `You're invited to help run ${OWNER.club} on sproul.club`;
const MESSAGE = {
  subject: 'First practice on Friday',
  body: 'Hi {{first_name}},\n\nWelcome aboard! First practice is Friday at 6 am at the boathouse.',
};
// The résumé's bytes: a tiny PDF, compared byte for byte after the officer downloads it.
const RESUME = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

// Issue 20's acceptance, end to end on `npm start`'s composition and through the gateway only: every
// link a person follows comes out of the local inbox (/_dev/mail.json), never off the bus. The steps
// build on each other, so they run in order and share the state below.
describe('club teams, applications and messages end to end (embedded platform)', () => {
  let testPlatform: TestPlatform;
  let api: Api;
  let base: string;
  let owner: OfficerSession;
  let officer: OfficerSession; // the invited second officer, who then manages the members
  let secondAccountId: string;
  const students: Record<'a' | 'b' | 'c', { token: string; membershipId?: string }> = {
    a: { token: '' },
    b: { token: '' },
    c: { token: '' },
  };
  const link = () => owner.link;

  beforeAll(async () => {
    testPlatform = await startTestPlatform('membership', {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      FRONTEND_BASE_URL: 'http://web.test',
    });
    api = testPlatform.api;
    base = testPlatform.platform.url;
  }, 60_000);
  afterAll(() => testPlatform?.stop());

  it('the owner invites an officer by email; the officer accepts from the inbox and edits the club', async () => {
    owner = await signUpOfficer(api, base, ADMIN, OWNER);
    const invited = await api('/api/user/team/invitations', {
      body: { email: SECOND.email },
      token: owner.access,
    });
    expect(invited.status).toBe(201);

    // The invitation's link: the web client's page today, the gateway's own page once it serves one.
    const mail = await devMailTo(base, SECOND.email, INVITATION_SUBJECT);
    const token = new URL(linkIn(mail, /https?:\/\/\S+\/accept-invitation\?token=\S+/)).searchParams.get(
      'token',
    )!;
    expect(await api(`/api/user/invitations/${token}`)).toMatchObject({
      status: 200,
      body: { club_name: OWNER.club, email: SECOND.email, account_exists: false },
    });
    const accept = { token, password: SECOND.password, name: SECOND.name };
    expect((await api('/api/user/invitations/accept', { body: accept })).status).toBe(200);
    expect(await api('/api/user/invitations/accept', { body: accept })).toMatchObject({
      status: 410,
      body: { status: 'error' },
    });

    officer = await signInOfficer(api, SECOND);
    expect(officer.link).toBe(link());
    expect(
      (await api('/api/admin/profile', { token: officer.access, body: { about_us: ABOUT } })).status,
    ).toBe(200);
    expect((await api(`/api/catalog/organizations/${link()}`)).body.about_us).toBe(ABOUT);

    const team = await api('/api/user/team', { token: owner.access });
    secondAccountId = team.body.officers.find((o: { email: string }) => o.email === SECOND.email).account_id;
  });

  it('students apply (one with a résumé); the officer reads the résumé and accepts two: they are members', async () => {
    // Engagement learns of the club and of its new officer from events: the first write may wait for both.
    const terms = await eventually(async () => {
      const answer = await api(`/api/clubs/${link()}/membership/questions`, {
        method: 'PUT',
        token: officer.access,
        body: { questions: [{ prompt: 'Have you rowed before?', required: true }] },
      });
      return answer.status === 200 ? answer.body : undefined;
    }, 20_000);
    expect(terms).toMatchObject({ accepting: true, application_required: true, member_count: 0 });
    const question = terms.questions[0].id as string;

    await Promise.all(
      (['a', 'b', 'c'] as const).map(async (who) => {
        students[who].token = await signUpStudent(api, base, { a: A, b: B, c: C }[who]);
      }),
    );

    // A's résumé goes straight to storage through the presigned PUT (content type and length signed).
    const urls = await api('/api/student/documents/resume', {
      token: students.a.token,
      body: { size: RESUME.length },
    });
    expect(urls.status).toBe(200);
    const put = await fetch(urls.body.upload, {
      method: 'PUT',
      headers: { 'content-type': 'application/pdf' },
      body: new Uint8Array(RESUME),
    });
    expect(put.status).toBe(200);

    const apply = async (who: 'a' | 'b' | 'c', resume: boolean) => {
      const applied = await api(`/api/clubs/${link()}/membership`, {
        token: students[who].token,
        body: { answers: { [question]: `Yes (${who})` }, resume },
      });
      expect(applied).toMatchObject({ status: 201, body: { status: 'applied', has_resume: resume } });
      students[who].membershipId = applied.body.id;
    };
    await apply('a', true);
    await apply('b', false);
    await apply('c', false);

    const applications = await api(`/api/clubs/${link()}/members?status=applied`, { token: officer.access });
    expect(applications.status).toBe(200);
    expect(applications.body.total).toBe(3);
    const alice = applications.body.members.find((m: { email: string }) => m.email === A.email);
    expect(alice).toMatchObject({ id: students.a.membershipId, name: A.name, has_resume: true });

    const resume = await api(`/api/clubs/${link()}/members/${alice.id}/resume`, { token: officer.access });
    expect(resume.status).toBe(200);
    const downloaded = await fetch(resume.body.download);
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(RESUME)).toBe(true);

    const accept = (who: 'a' | 'b') =>
      api(`/api/clubs/${link()}/members/${students[who].membershipId}/status`, {
        token: officer.access,
        body: { status: 'accepted', note: 'Welcome!' },
      });
    // Accepted is a member at once: the platform's accepted → member move is in the same transaction.
    expect(await accept('a')).toMatchObject({ status: 200, body: { status: 'member' } });
    const mine = await api('/api/student/memberships', { token: students.a.token });
    expect(mine).toMatchObject({ status: 200, body: [{ club: { link_name: link() }, status: 'member' }] });
    await eventually(async () => (await api(`/api/catalog/organizations/${link()}`)).body.member_count === 1);

    expect(await accept('b')).toMatchObject({ status: 200, body: { status: 'member' } });
    await eventually(async () => (await api(`/api/catalog/organizations/${link()}`)).body.member_count === 2);
    const stillApplied = await api(`/api/clubs/${link()}/members?status=applied`, { token: officer.access });
    expect(stillApplied.body.members.map((m: { email: string }) => m.email)).toEqual([C.email]);
  });

  it('the officer emails all members: each member gets exactly one email with their own name, the applicant none', async () => {
    const sent = await api(`/api/clubs/${link()}/messages`, {
      token: officer.access,
      body: { ...MESSAGE, to: { statuses: ['member'] } },
    });
    expect(sent.status).toBe(202);
    const messageId = sent.body.message.id as string;

    for (const [student, firstName] of [
      [A, 'Alice'],
      [B, 'Bruno'],
    ] as const) {
      const mail = await devMailTo(base, student.email, MESSAGE.subject);
      expect(mail.text).toContain(`Hi ${firstName},`);
    }
    // Done: nothing pending, both sent. Then the inbox holds no duplicate, and nothing for the applicant.
    const progress = await eventually(async () => {
      const answer = await api(`/api/clubs/${link()}/messages/${messageId}`, { token: officer.access });
      return answer.status === 200 && answer.body.done ? answer.body : undefined;
    }, 20_000);
    expect(progress.counts).toMatchObject({ sent: 2, pending: 0 });
    const statuses = progress.recipients.map((r: { email: string; status: string }) => [r.email, r.status]);
    expect(statuses.sort()).toEqual([
      [A.email, 'sent'],
      [B.email, 'sent'],
    ]);
    for (const student of [A, B])
      expect(await devMailsTo(base, student.email, MESSAGE.subject)).toHaveLength(1);
    expect(await devMailsTo(base, C.email, MESSAGE.subject)).toHaveLength(0);
  });

  it("an officer of another club is refused the roster; a removed officer's old token is refused", async () => {
    const other = await signUpOfficer(api, base, ADMIN, OTHER_CLUB);
    // Their own club's roster, once engagement knows them as its owner; never the first club's.
    await eventually(
      async () => (await api(`/api/clubs/${other.link}/members`, { token: other.access })).status === 200,
    );
    expect(await api(`/api/clubs/${link()}/members`, { token: other.access })).toMatchObject({
      status: 403,
      body: { status: 'error' },
    });

    const removed = await api(`/api/user/team/officers/${secondAccountId}`, {
      method: 'DELETE',
      token: owner.access,
    });
    expect(removed.status).toBe(200);
    // At once: the gateway checks the shared token denylist before any service sees the request.
    const roster = await api(`/api/clubs/${link()}/members`, { token: officer.access });
    expect([401, 403]).toContain(roster.status);
    const edit = await api('/api/admin/profile', {
      token: officer.access,
      body: { about_us: 'Gone rogue.' },
    });
    expect([401, 403]).toContain(edit.status);
    expect((await api(`/api/catalog/organizations/${link()}`)).body.about_us).toBe(ABOUT);
    // The owner keeps the roster.
    expect((await api(`/api/clubs/${link()}/members`, { token: owner.access })).status).toBe(200);
  });
});
