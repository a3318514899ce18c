import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngagementHarness, startEngagement } from './engagement-harness.js';
import { clubWithPeople, messagesOn } from './messages-harness.js';

describe('officers messaging their club', () => {
  let e: EngagementHarness;
  let m: ReturnType<typeof messagesOn>;
  beforeAll(async () => {
    e = await startEngagement('embedded', {
      FRONTEND_BASE_URL: 'http://web.test',
      MESSAGES_PER_CLUB_PER_HOUR: '3',
      MESSAGES_PER_CLUB_PER_DAY: '4',
      MESSAGE_MAX_RECIPIENTS: '3',
    });
    m = messagesOn(e);
  }, 60_000);
  afterAll(() => e?.close());

  const sortedTo = (recipients: { to: string }[]) => recipients.map((r) => r.to).sort();

  it('sends to exactly the members the filter picks, with their fields filled', async () => {
    const club = await clubWithPeople(e, 'chess', [
      { name: 'Ada Lovelace', status: 'member' },
      { name: 'Bob Member', status: 'member' },
      { name: 'Cy Applicant', status: 'applied' },
      { name: 'Di Interview', status: 'interview' },
    ]);
    const sent = await m.send(club.linkName, club.owner, {
      subject: 'News for {{first_name}}',
      body: 'Dear {{ name }},\n\nYou are a {{status}} of {{club_name}}: {{club_url}} ({{email}})',
      to: { statuses: ['member'] },
    });
    expect(sent.status).toBe(202);
    expect(sent.body.message).toMatchObject({
      subject: 'News for {{first_name}}',
      to: { statuses: ['member'] },
      recipient_count: 2,
      counts: { pending: 2, sent: 0 },
      done: false,
    });
    const request = await m.requested(sent.body.message.id);
    const members = club.students.filter((s) => s.status === 'member');
    expect(sortedTo(request.recipients)).toEqual(members.map((s) => s.email.toLowerCase()).sort());
    const ada = request.recipients.find((r) => r.to === members[0]?.email.toLowerCase());
    expect(ada).toEqual({
      to: members[0]?.email.toLowerCase(),
      userId: members[0]?.id,
      fields: {
        first_name: 'Ada',
        name: 'Ada Lovelace',
        email: members[0]?.email.toLowerCase(),
        status: 'member',
        club_name: 'Club chess',
        club_url: 'http://web.test/club/chess',
      },
    });
    expect(request).toMatchObject({ clubId: club.clubId, clubName: 'Club chess', requestedBy: club.ownerId });
    // Interview only; then members and alumni.
    const interview = await m.send(club.linkName, club.owner, {
      subject: 'Your interview',
      body: 'See you Tuesday',
      to: { statuses: ['interview'] },
    });
    expect(interview.status).toBe(202);
    expect(sortedTo((await m.requested(interview.body.message.id)).recipients)).toEqual([
      club.students[3]?.email.toLowerCase(),
    ]);
  });

  it('filters by year and major as the roster does', async () => {
    const club = await clubWithPeople(e, 'filters', [
      { name: 'Year Three Major Twelve', status: 'member', year: 3, major: 12 },
      { name: 'Year Three Major Seven', status: 'member', year: 3, major: 7 },
      { name: 'Year One Major Twelve', status: 'member', year: 1, major: 12 },
    ]);
    const to = async (filter: Record<string, unknown>) => {
      const sent = await m.send(club.linkName, club.owner, { subject: 's', body: 'b', to: filter });
      expect(sent.status, JSON.stringify(sent.body)).toBe(202);
      return sortedTo((await m.requested(sent.body.message.id)).recipients);
    };
    const emails = club.students.map((s) => s.email.toLowerCase());
    expect(await to({ statuses: ['member'], year: 3 })).toEqual([emails[0], emails[1]].sort());
    expect(await to({ statuses: ['member'], major: 12 })).toEqual([emails[0], emails[2]].sort());
    expect(await to({ statuses: ['member'], year: 3, major: 12 })).toEqual([emails[0]]);
  });

  it('refuses unknown placeholders (400 naming them), no recipients (422) and too many (413)', async () => {
    const club = await clubWithPeople(e, 'refusals', [
      { name: 'One', status: 'member' },
      { name: 'Two', status: 'member' },
      { name: 'Three', status: 'member' },
      { name: 'Four', status: 'member' },
      { name: 'Applicant', status: 'applied' },
    ]);
    const send = (body: Record<string, unknown>) =>
      m.send(club.linkName, club.owner, { subject: 's', body: 'b', to: { statuses: ['member'] }, ...body });
    const unknown = await send({ subject: 'Hi {{firstname}}', body: '{{First Name}} and {{name}} {{ x }}' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      status: 'error',
      data: { placeholders: ['firstname', 'First Name', 'x'] },
    });
    const none = await send({ to: { statuses: ['alumni'] } });
    expect(none).toMatchObject({ status: 422, body: { status: 'error', reason: expect.any(String) } });
    const many = await send({});
    expect(many).toMatchObject({ status: 413, body: { status: 'error', data: { matching: 4, max: 3 } } });
    // Bad bodies: 400, never 500.
    for (const body of [
      { to: { statuses: [] } },
      { to: { statuses: ['member'], event: 'x' } },
      { to: { statuses: ['nobody'] } },
      { to: { statuses: ['member'], year: 'three' } },
      { subject: '' },
      { subject: 'x'.repeat(201) },
      { subject: 'two\nlines' },
      { body: 'x'.repeat(20_001) },
      { body: '   ' },
      { extra: true },
    ]) {
      const answer = await send(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.status).toBe('error');
    }
    expect((await m.list(club.linkName, club.owner)).body.total).toBe(0);
    expect((await e.get(`/api/clubs/${club.linkName}/messages?limit=0`, club.owner)).status).toBe(400);
    expect((await m.one(club.linkName, 'not-a-uuid', club.owner)).status).toBe(400);
    expect((await m.one(club.linkName, crypto.randomUUID(), club.owner)).status).toBe(404);
  });

  it('limits sends per club per hour with a 429 and Retry-After, other clubs unaffected', async () => {
    const club = await clubWithPeople(e, 'chatty', [{ name: 'Solo', status: 'member' }]);
    const other = await clubWithPeople(e, 'quiet', [{ name: 'Other', status: 'member' }]);
    const send = (c: typeof club) =>
      m.send(c.linkName, c.owner, { subject: 's', body: 'b', to: { statuses: ['member'] } });
    for (let i = 0; i < 3; i++) expect((await send(club)).status).toBe(202);
    const refused = await send(club);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ status: 'error', data: { window: 'hour', limit: 3 } });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.body.data.retry_after).toBe(retryAfter);
    expect((await m.list(club.linkName, club.owner)).body.total).toBe(3);
    expect((await send(other)).status).toBe(202);
  });

  it('applies BulkEmailProgressed to counts and recipients, a repeated report changing nothing', async () => {
    const club = await clubWithPeople(e, 'progress', [
      { name: 'Sent One', status: 'member' },
      { name: 'Failed Two', status: 'member' },
      { name: 'Unsub Three', status: 'member' },
    ]);
    const sent = await m.send(club.linkName, club.owner, {
      subject: 'Hello',
      body: 'Hi {{first_name}}',
      to: { statuses: ['member'] },
    });
    const id = sent.body.message.id as string;
    const [one, two, three] = club.students.map((s) => s.email.toLowerCase());
    await m.progress(
      id,
      club.clubId,
      [
        { to: one as string, outcome: 'sent', error: null },
        { to: (two as string).toUpperCase(), outcome: 'failed', error: 'MessageRejected' },
      ],
      2,
    );
    // A later (wrong) report for a settled recipient does not overwrite the first outcome.
    await m.progress(id, club.clubId, [{ to: one as string, outcome: 'limited', error: null }]);
    let detail = await m.one(club.linkName, id, club.owner);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id,
      body: 'Hi {{first_name}}',
      recipient_count: 3,
      counts: { pending: 1, sent: 1, failed: 1, suppressed: 0, unsubscribed: 0, limited: 0 },
      done: false,
    });
    const statusOf = (body: { recipients: { email: string; status: string; error: string | null }[] }) =>
      Object.fromEntries(body.recipients.map((r) => [r.email, [r.status, r.error]]));
    expect(statusOf(detail.body)).toEqual({
      [one as string]: ['sent', null],
      [two as string]: ['failed', 'MessageRejected'],
      [three as string]: ['pending', null],
    });
    await m.progress(id, club.clubId, [{ to: three as string, outcome: 'unsubscribed', error: null }]);
    detail = await m.one(club.linkName, id, club.owner);
    expect(detail.body).toMatchObject({ counts: { pending: 0, unsubscribed: 1 }, done: true });
    const list = await m.list(club.linkName, club.owner);
    expect(list.body).toMatchObject({
      total: 1,
      messages: [
        { id, recipient_count: 3, counts: { sent: 1, failed: 1, unsubscribed: 1, pending: 0 }, done: true },
      ],
    });
    // A report for a message engagement never sent is ignored.
    await m.progress(crypto.randomUUID(), club.clubId, [{ to: one as string, outcome: 'sent', error: null }]);
  });

  it("drops a deleted account from recipient lists, and a deleted club's messages", async () => {
    const club = await clubWithPeople(e, 'forgetful', [
      { name: 'Stays', status: 'member' },
      { name: 'Leaves', status: 'member' },
    ]);
    const sent = await m.send(club.linkName, club.owner, {
      subject: 's',
      body: 'b',
      to: { statuses: ['member'] },
    });
    await e.deleteAccount(club.students[1]?.id as string);
    const detail = await m.one(club.linkName, sent.body.message.id, club.owner);
    expect(detail.body.recipients.map((r: { account_id: string }) => r.account_id)).toEqual([
      club.students[0]?.id,
    ]);
    await e.deleteClub(club.clubId, club.linkName);
    expect((await m.list(club.linkName, club.owner)).status).toBe(404);
  });
});
