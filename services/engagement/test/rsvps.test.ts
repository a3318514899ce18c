import { type RsvpStatus, rsvpStatuses } from '@sproul/common/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedRsvpMoves, type RsvpFrom, type RsvpSide, rsvpMoves } from '../src/domain/rsvp-moves.js';
import { type EngagementHarness, startEngagement } from './engagement-harness.js';
import { rsvpHelpers } from './rsvp-harness.js';

describe('the RSVP move table', () => {
  const froms: RsvpFrom[] = ['none', ...rsvpStatuses];
  const sides: RsvpSide[] = ['student', 'officer', 'platform'];
  it('allows exactly the listed moves, by side', () => {
    const expected: Record<string, RsvpStatus[]> = {
      'none/student': ['going', 'waitlisted'],
      'cancelled/student': ['going', 'waitlisted'],
      'going/student': ['cancelled'],
      'waitlisted/student': ['cancelled'],
      'waitlisted/platform': ['going'],
      'going/officer': ['checked_in', 'no_show'],
      'checked_in/officer': ['checked_in'],
      'none/officer': ['checked_in'],
      'going/platform': ['no_show'],
    };
    for (const from of froms)
      for (const side of sides)
        expect(allowedRsvpMoves(from, side).sort(), `${from}/${side}`).toEqual(
          (expected[`${from}/${side}`] ?? []).sort(),
        );
    expect(rsvpMoves).toHaveLength(Object.values(expected).flat().length);
  });
});

describe('RSVPs over HTTP', () => {
  let e: EngagementHarness;
  let r: ReturnType<typeof rsvpHelpers>;
  let club: Awaited<ReturnType<EngagementHarness['addClub']>>;
  beforeAll(async () => {
    e = await startEngagement();
    r = rsvpHelpers(e);
    club = await e.addClub('rsvp-club');
  }, 60_000);
  afterAll(() => e?.close());

  it('answers defaults, takes an RSVP with a ticket, refuses a second, and lets the student cancel and come back', async () => {
    const eventId = await r.addEvent(club.clubId);
    const overview = await r.overview(club.linkName, eventId);
    expect(overview.status).toBe(200);
    expect(overview.body.settings).toEqual({
      capacity: null,
      waitlist: true,
      members_only: false,
      rsvp_deadline: null,
    });
    expect(overview.body.mine).toBeNull();
    const s = await e.addStudent('Grace Hopper');
    const created = await r.rsvp(club.linkName, eventId, s.token);
    expect(created.status).toBe(201);
    const rsvp = created.body.rsvp;
    expect(rsvp).toMatchObject({ event_id: eventId, status: 'going', position: null });
    expect(rsvp.ticket.qr_url).toContain(`/api/tickets/${rsvp.ticket.payload}/qr.png`);
    expect((await r.rsvp(club.linkName, eventId, s.token)).status).toBe(409);
    expect((await r.overview(club.linkName, eventId, s.token)).body.mine.id).toBe(rsvp.id);
    // A student may not mark themselves a no-show or check in.
    const refused = await r.move(club.linkName, eventId, rsvp.id, s.token, 'checked_in');
    expect(refused.status).toBe(409);
    expect(refused.body.data).toEqual({ status: 'going', allowed: ['cancelled'] });
    expect((await r.move(club.linkName, eventId, rsvp.id, s.token, 'cancelled')).body.rsvp.status).toBe(
      'cancelled',
    );
    const again = await r.rsvp(club.linkName, eventId, s.token);
    expect(again.status).toBe(201);
    expect(again.body.rsvp.id).toBe(rsvp.id);
    // Officers mark no-shows; nobody moves a no-show on.
    expect((await r.move(club.linkName, eventId, rsvp.id, club.owner, 'no_show')).body.rsvp.status).toBe(
      'no_show',
    );
    const stuck = await r.move(club.linkName, eventId, rsvp.id, club.owner, 'going');
    expect(stuck.body.data).toEqual({ status: 'no_show', allowed: [] });
    const changes = e
      .published<{ rsvpId: string; status: string; movedBy: string }>('RsvpChanged')
      .filter((c) => c.rsvpId === rsvp.id);
    expect(changes.map((c) => `${c.status}/${c.movedBy}`)).toEqual([
      'going/student',
      'cancelled/student',
      'going/student',
      'no_show/officer',
    ]);
    // Another student may not touch it.
    const other = await e.addStudent();
    expect((await r.move(club.linkName, eventId, rsvp.id, other.token, 'cancelled')).status).toBe(403);
  });

  it('refuses RSVPs past the deadline, to cancelled events, when full without a waitlist, and to non-members of members-only events', async () => {
    const s = await e.addStudent();
    const past = await r.addEvent(club.clubId, { startsAt: new Date(Date.now() - 3600_000) });
    expect((await r.rsvp(club.linkName, past, s.token)).status).toBe(409);
    const closing = await r.addEvent(club.clubId);
    await r.settings(club.linkName, closing, club.owner, {
      rsvp_deadline: new Date(Date.now() - 1000).toISOString(),
    });
    expect((await r.rsvp(club.linkName, closing, s.token)).status).toBe(409);
    const cancelled = await r.addEvent(club.clubId);
    expect((await r.rsvp(club.linkName, cancelled, s.token)).status).toBe(201);
    await r.cancelEvent(club.clubId, cancelled);
    const late = await e.addStudent();
    expect((await r.rsvp(club.linkName, cancelled, late.token)).status).toBe(409);
    const small = await r.addEvent(club.clubId);
    const set = await r.settings(club.linkName, small, club.owner, { capacity: 1, waitlist: false });
    expect(set.body).toMatchObject({ capacity: 1, waitlist: false });
    expect((await r.rsvp(club.linkName, small, s.token)).status).toBe(201);
    expect((await r.rsvp(club.linkName, small, late.token)).status).toBe(409);
    const closed = await r.addEvent(club.clubId);
    await r.settings(club.linkName, closed, club.owner, { members_only: true });
    expect((await r.rsvp(club.linkName, closed, s.token)).status).toBe(403);
    const open = await e.addClub('open-club', { applicationRequired: false });
    const membersEvent = await r.addEvent(open.clubId);
    await r.settings(open.linkName, membersEvent, open.owner, { members_only: true });
    expect((await e.join(open.linkName, s.token)).status).toBe(201);
    expect((await r.rsvp(open.linkName, membersEvent, s.token)).status).toBe(201);
    expect((await r.overview(club.linkName, crypto.randomUUID())).status).toBe(404);
  });

  it('promotes the waitlist in order when a seat frees or capacity grows, emailing each their ticket', async () => {
    const eventId = await r.addEvent(club.clubId, {}, 'Tiny talk');
    await r.settings(club.linkName, eventId, club.owner, { capacity: 1 });
    const students = [];
    for (let i = 0; i < 4; i += 1) students.push(await e.addStudent(`Student ${i}`));
    // biome-ignore lint/suspicious/noExplicitAny: answers read freely
    const rsvps: any[] = [];
    for (const s of students) rsvps.push((await r.rsvp(club.linkName, eventId, s.token)).body.rsvp);
    expect(rsvps.map((x) => [x.status, x.position])).toEqual([
      ['going', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
      ['waitlisted', 3],
    ]);
    // Cancelling a waitlist place frees no seat: the others move up.
    await r.move(club.linkName, eventId, rsvps[2].id, students[2]!.token, 'cancelled');
    expect((await r.overview(club.linkName, eventId, students[3]!.token)).body.mine.position).toBe(2);
    await r.move(club.linkName, eventId, rsvps[0].id, students[0]!.token, 'cancelled');
    const list = (await r.attendance(club.linkName, eventId, club.owner)).body;
    expect(list.counts).toEqual({ going: 1, waitlisted: 1, checked_in: 0, cancelled: 2, no_show: 0 });
    expect(list.rsvps.find((x: { id: string }) => x.id === rsvps[1].id).status).toBe('going');
    await r.settings(club.linkName, eventId, club.owner, { capacity: 5 });
    expect((await r.overview(club.linkName, eventId)).body.counts.going).toBe(2);
    const emails = e
      .published<{ to: string; template: string; variables: Record<string, string> }>('EmailRequested')
      .filter((m) => m.variables.event_name === 'Tiny talk');
    expect(emails.map((m) => m.to)).toEqual([students[1]!.email, students[3]!.email]);
    expect(emails[0]!.template).toBe('rsvp-promoted');
    expect(emails[0]!.variables).toMatchObject({ club_name: 'Club rsvp-club', location: 'Sproul Plaza' });
    expect(emails[0]!.variables.ticket_url).toBe(rsvps[1].ticket.qr_url);
    const promoted = e
      .published<{ rsvpId: string; status: string; movedBy: string }>('RsvpChanged')
      .filter((c) => c.movedBy === 'platform');
    expect(promoted.map((c) => c.rsvpId)).toEqual([rsvps[1].id, rsvps[3].id]);
  });

  it("lists a student's RSVPs with their events, and marks no-shows an hour after the event ends", async () => {
    const s = await e.addStudent();
    const eventId = await r.addEvent(club.clubId, {
      startsAt: new Date(Date.now() + 60_000),
      endsAt: new Date(Date.now() + 120_000),
    });
    const rsvp = (await r.rsvp(club.linkName, eventId, s.token)).body.rsvp;
    const mine = await e.get('/api/student/rsvps', s.token);
    expect(mine.status).toBe(200);
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0]).toMatchObject({
      id: rsvp.id,
      event: { id: eventId, cancelled: false },
      club: { link_name: 'rsvp-club' },
    });
    await e.service.jobs.run('no-shows');
    expect((await r.overview(club.linkName, eventId, s.token)).body.mine.status).toBe('going');
    const { markNoShows } = await import('../src/domain/rsvps/no-shows.js');
    await markNoShows(e.context, new Date(Date.now() + 2 * 3600_000));
    expect((await r.overview(club.linkName, eventId, s.token)).body.mine.status).toBe('no_show');
    const byPlatform = e
      .published<{ rsvpId: string; movedBy: string }>('RsvpChanged')
      .filter((c) => c.rsvpId === rsvp.id);
    expect(byPlatform.at(-1)).toMatchObject({ movedBy: 'platform' });
  });

  it("drops a deleted club's events", async () => {
    const gone = await e.addClub('gone-club');
    const eventId = await r.addEvent(gone.clubId);
    const s = await e.addStudent();
    expect((await r.rsvp(gone.linkName, eventId, s.token)).status).toBe(201);
    await e.deleteClub(gone.clubId, gone.linkName);
    expect((await e.get('/api/student/rsvps', s.token)).body).toEqual([]);
  });
});
