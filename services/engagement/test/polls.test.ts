import { storageKinds } from '@sproul/common/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollVotes } from '../src/data-access/schema.js';
import { type EngagementHarness, startEngagement } from './engagement-harness.js';

// Polls: officers ask, members vote once (changeable until the close), and an anonymous poll never
// tells anyone (officers and admins included) who voted what.

const HOUR = 3_600_000;

// On PostgreSQL (storageKinds) concurrent votes really run side by side.
describe.each(await storageKinds())('club polls (%s)', (kind) => {
  let e: EngagementHarness;
  let now = new Date('2026-03-02T18:00:00.000Z');
  let club: Awaited<ReturnType<EngagementHarness['addClub']>>;
  let officer: { id: string; token: string };
  let admin: string;
  const members: { id: string; token: string }[] = [];
  let applicant: string;
  let outsider: string;

  const polls = (path = '', init: Parameters<EngagementHarness['client']>[1] = {}) =>
    e.client(`/api/clubs/${club.linkName}/polls${path}`, init);
  const createPoll = async (anonymous: boolean, closesInMs = 2 * HOUR) => {
    const answer = await polls('', {
      method: 'POST',
      token: club.owner,
      body: {
        question: 'Which day for the retreat?',
        options: ['Saturday', 'Sunday', 'Either'],
        closes_at: new Date(now.getTime() + closesInMs).toISOString(),
        anonymous,
      },
    });
    expect(answer.status).toBe(201);
    type Option = { id: string; text: string };
    return answer.body as { id: string; options: [Option, Option, Option] };
  };
  const vote = (pollId: string, token: string, optionId: string) =>
    polls(`/${pollId}/vote`, { method: 'PUT', token, body: { option_id: optionId } });

  beforeAll(async () => {
    e = await startEngagement(kind, {}, { clock: () => now });
    club = await e.addClub('pollsters', { accepting: true, applicationRequired: false });
    officer = await e.addOfficer(club.clubId);
    admin = await e.auth.token('admin');
    for (const name of ['Ann Member', 'Ben Member', 'Cy Member']) {
      const student = await e.addStudent(name);
      expect((await e.join(club.linkName, student.token)).status).toBe(201);
      members.push(student);
    }
    // An applicant of another club that asks for applications, and a stranger: neither is a member here.
    const asking = await e.addClub('asking', { accepting: true, applicationRequired: true });
    const other = await e.addStudent('Dee Applicant');
    await e.join(asking.linkName, other.token);
    applicant = other.token;
    outsider = (await e.addStudent('Eve Outsider')).token;
  }, 60_000);
  afterAll(() => e?.close());

  it('is created by officers with 2..10 options and a future close', async () => {
    const poll = await createPoll(false);
    expect(poll.options.map((o) => o.text)).toEqual(['Saturday', 'Sunday', 'Either']);
    const body = { question: 'Q?', options: ['a', 'b'], closes_at: now.toISOString(), anonymous: false };
    const past = await polls('', { method: 'POST', token: club.owner, body });
    expect(past.status).toBe(400);
    const one = await polls('', {
      method: 'POST',
      token: club.owner,
      body: { ...body, options: ['a'], closes_at: new Date(now.getTime() + HOUR).toISOString() },
    });
    expect(one.status).toBe(400);
    const eleven = Array.from({ length: 11 }, (_, i) => `option ${i}`);
    const many = await polls('', { method: 'POST', token: club.owner, body: { ...body, options: eleven } });
    expect(many.status).toBe(400);
    const control = await polls('', {
      method: 'POST',
      token: club.owner,
      body: { ...body, question: 'bad\u0007bell', closes_at: new Date(now.getTime() + HOUR).toISOString() },
    });
    expect(control.status).toBe(400);
    for (const token of [members[0]?.token, admin, outsider]) {
      const refused = await polls('', {
        method: 'POST',
        token,
        body: { ...body, closes_at: new Date(now.getTime() + HOUR).toISOString() },
      });
      expect(refused.status).toBe(403);
    }
  });

  it('counts one vote per member: a second vote changes it', async () => {
    const poll = await createPoll(false);
    const [saturday, sunday] = poll.options;
    const member = members[0] as { id: string; token: string };
    expect((await vote(poll.id, member.token, saturday.id)).status).toBe(200);
    const changed = await vote(poll.id, member.token, sunday.id);
    expect(changed.status).toBe(200);
    expect(changed.body.my_vote).toBe(sunday.id);
    expect(changed.body.total_votes).toBe(1);
    expect(changed.body.options.map((o: { count: number }) => o.count)).toEqual([0, 1, 0]);
    // The voter's view never lists voters, even for an open poll.
    expect(changed.body.options[1].voters).toBeUndefined();
  });

  it('keeps one vote when the same member votes twice at once', async () => {
    const poll = await createPoll(true);
    const [saturday, sunday] = poll.options;
    const member = members[1] as { id: string; token: string };
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => vote(poll.id, member.token, (i % 2 ? saturday : sunday).id)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const view = await polls(`/${poll.id}`, { token: member.token });
    expect(view.body.total_votes).toBe(1);
    expect([saturday.id, sunday.id]).toContain(view.body.my_vote);
  });

  it('shows officers who voted what on an open poll, and members only counts', async () => {
    const poll = await createPoll(false);
    const [saturday, sunday] = poll.options;
    await vote(poll.id, (members[0] as { token: string }).token, saturday.id);
    await vote(poll.id, (members[1] as { token: string }).token, sunday.id);
    const asOfficer = await polls(`/${poll.id}`, { token: officer.token });
    expect(asOfficer.body.options[0].voters).toEqual([{ account_id: members[0]?.id, name: 'Ann Member' }]);
    expect(asOfficer.body.options[1].voters).toEqual([{ account_id: members[1]?.id, name: 'Ben Member' }]);
    const asMember = await polls(`/${poll.id}`, { token: (members[2] as { token: string }).token });
    expect(asMember.body.options.map((o: { count: number }) => o.count)).toEqual([1, 1, 0]);
    expect(asMember.body.options.every((o: object) => !('voters' in o))).toBe(true);
    expect(asMember.body.my_vote).toBeNull();
  });

  it('never reveals who voted what on an anonymous poll, to anyone', async () => {
    const poll = await createPoll(true);
    const [saturday, sunday] = poll.options;
    await vote(poll.id, (members[0] as { token: string }).token, saturday.id);
    await vote(poll.id, (members[1] as { token: string }).token, sunday.id);
    const ids = members.map((m) => m.id);
    for (const token of [club.owner, officer.token, admin, ...members.map((m) => m.token)]) {
      for (const path of ['', `/${poll.id}`]) {
        const answer = await polls(path, { token });
        expect(answer.status).toBe(200);
        const shown = path ? answer.body : answer.body.polls.find((p: { id: string }) => p.id === poll.id);
        const text = JSON.stringify(shown);
        expect(text).not.toContain('voters');
        // Only the caller's own vote: nobody else's account id appears anywhere in the answer.
        for (const id of ids) expect(text).not.toContain(id);
      }
    }
    const first = await polls(`/${poll.id}`, { token: (members[0] as { token: string }).token });
    expect(first.body.my_vote).toBe(saturday.id);
    expect(first.body.options.map((o: { count: number }) => o.count)).toEqual([1, 1, 0]);
    // What is stored does not name the voter either.
    const stored = await e.db
      .select({ voter: pollVotes.voter })
      .from(pollVotes)
      .where(eq(pollVotes.pollId, poll.id));
    expect(stored).toHaveLength(2);
    for (const { voter } of stored) expect(ids).not.toContain(voter);
  });

  it('refuses votes from non-members and unknown options', async () => {
    const poll = await createPoll(false);
    const option = poll.options[0].id;
    for (const token of [applicant, outsider, officer.token, club.owner, admin]) {
      expect((await vote(poll.id, token, option)).status).toBe(403);
    }
    expect((await vote(poll.id, (members[0] as { token: string }).token, crypto.randomUUID())).status).toBe(
      400,
    );
    expect((await vote(crypto.randomUUID(), (members[0] as { token: string }).token, option)).status).toBe(
      404,
    );
    for (const token of [applicant, outsider]) {
      expect((await polls('', { token })).status).toBe(403);
      expect((await polls(`/${poll.id}`, { token })).status).toBe(403);
    }
    expect((await e.client('/api/clubs/no-such-club/polls', { token: admin })).status).toBe(404);
  });

  it('closes early by an officer, and at closes_at; votes after it are 409', async () => {
    const early = await createPoll(false);
    const option = early.options[0].id;
    const member = (members[2] as { token: string }).token;
    expect((await polls(`/${early.id}/close`, { method: 'POST', token: member })).status).toBe(403);
    expect((await polls(`/${early.id}/close`, { method: 'POST', token: admin })).status).toBe(403);
    const closed = await polls(`/${early.id}/close`, { method: 'POST', token: officer.token });
    expect(closed.status).toBe(200);
    expect(closed.body.closed).toBe(true);
    expect((await vote(early.id, member, option)).status).toBe(409);

    const timed = await createPoll(true, HOUR);
    const timedOption = timed.options[0].id;
    expect((await vote(timed.id, member, timedOption)).status).toBe(200);
    now = new Date(now.getTime() + HOUR);
    expect((await vote(timed.id, member, timedOption)).status).toBe(409);
    const after = await polls(`/${timed.id}`, { token: member });
    expect(after.body.closed).toBe(true);
    expect(after.body.total_votes).toBe(1);
  });
});
