import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngagementHarness, startEngagement } from './engagement-harness.js';
import { rsvpHelpers } from './rsvp-harness.js';

describe('tickets, check-in, attendance, calendar feeds and attendee messages', () => {
  let e: EngagementHarness;
  let r: ReturnType<typeof rsvpHelpers>;
  let club: Awaited<ReturnType<EngagementHarness['addClub']>>;
  beforeAll(async () => {
    e = await startEngagement();
    r = rsvpHelpers(e);
    club = await e.addClub('door-club');
  }, 60_000);
  afterAll(() => e?.close());

  it('checks in a scanned ticket once, a re-entry only with again, and refuses forged or other events’ tickets (422)', async () => {
    const eventId = await r.addEvent(club.clubId);
    const otherEvent = await r.addEvent(club.clubId);
    const s = await e.addStudent('Alan Turing');
    const { ticket } = (await r.rsvp(club.linkName, eventId, s.token)).body.rsvp;
    const otherTicket = (await r.rsvp(club.linkName, otherEvent, s.token)).body.rsvp.ticket;
    const first = await r.checkIn(club.linkName, eventId, club.owner, { payload: ticket.payload });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      name: 'Alan Turing',
      email: s.email,
      count: 1,
      status: 'checked_in',
      walk_in: false,
    });
    const repeat = await r.checkIn(club.linkName, eventId, club.owner, { payload: ticket.payload });
    expect(repeat.status).toBe(409);
    expect(repeat.body.data).toEqual({ count: 1 });
    const again = await r.checkIn(club.linkName, eventId, club.owner, {
      payload: ticket.payload,
      again: true,
    });
    expect(again.body.count).toBe(2);
    const [rsvpId, , signature] = ticket.payload.split('.');
    const forged = [
      `${rsvpId}.${otherEvent}.${signature}`,
      `${rsvpId}.${eventId}.${'A'.repeat(signature.length)}`,
      'garbage',
      otherTicket.payload,
    ];
    for (const payload of forged) {
      const answer = await r.checkIn(club.linkName, eventId, club.owner, { payload });
      expect(answer.status, payload).toBe(422);
      expect(answer.body.status).toBe('error');
    }
    const checkedIn = e
      .published<{ eventId: string; count: number; walkIn: boolean }>('CheckedIn')
      .filter((c) => c.eventId === eventId);
    expect(checkedIn.map((c) => c.count)).toEqual([1, 2]);
  });

  it('checks in walk-ins by email: an RSVPed student, a known student without one, and a stranger', async () => {
    const eventId = await r.addEvent(club.clubId);
    const rsvped = await e.addStudent('Has Rsvp');
    await r.rsvp(club.linkName, eventId, rsvped.token);
    const byEmail = await r.checkIn(club.linkName, eventId, club.owner, {
      email: rsvped.email.toUpperCase(),
    });
    expect(byEmail.body).toMatchObject({ name: 'Has Rsvp', count: 1, walk_in: false });
    const known = await e.addStudent('No Rsvp');
    const knownIn = await r.checkIn(club.linkName, eventId, club.owner, { email: known.email });
    expect(knownIn.body).toMatchObject({ name: 'No Rsvp', email: known.email, count: 1, walk_in: true });
    const stranger = await r.checkIn(club.linkName, eventId, club.owner, { email: 'visitor@example.com' });
    expect(stranger.body).toEqual({
      name: null,
      email: 'visitor@example.com',
      count: 1,
      status: 'checked_in',
      walk_in: true,
    });
    expect(
      (await r.checkIn(club.linkName, eventId, club.owner, { email: 'visitor@example.com' })).status,
    ).toBe(409);
    expect(
      (await r.checkIn(club.linkName, eventId, club.owner, { email: 'visitor@example.com', again: true }))
        .body.count,
    ).toBe(2);
    expect((await r.checkIn(club.linkName, eventId, club.owner, { email: 'not an email' })).status).toBe(400);
    expect(
      (await r.checkIn(club.linkName, eventId, club.owner, { payload: 'x', email: 'a@b.co' })).status,
    ).toBe(400);
    const walkIns = e
      .published<{ email: string; accountId: string | null; walkIn: boolean }>('CheckedIn')
      .filter((c) => c.walkIn);
    expect(walkIns.find((c) => c.email === 'visitor@example.com')?.accountId).toBeNull();
    expect((await r.overview(club.linkName, eventId)).body.counts.checked_in).toBe(3);
  });

  it('renders a ticket as a private PNG QR code, and 404s anything it did not sign', async () => {
    const eventId = await r.addEvent(club.clubId);
    const s = await e.addStudent();
    const { ticket } = (await r.rsvp(club.linkName, eventId, s.token)).body.rsvp;
    const png = await fetch(e.url(`/api/tickets/${ticket.payload}/qr.png`));
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('cache-control')).toMatch(/^private/);
    expect([...new Uint8Array(await png.arrayBuffer()).slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const bad = await e.client(`/api/tickets/${ticket.payload.slice(0, -2)}xx/qr.png`);
    expect(bad.status).toBe(404);
    expect(bad.body.status).toBe('error');
  });

  it('exports attendance as CSV with formula-looking cells neutralised', async () => {
    const eventId = await r.addEvent(club.clubId);
    const s = await e.addStudent('=HYPERLINK("http://evil")');
    await r.rsvp(club.linkName, eventId, s.token);
    await r.checkIn(club.linkName, eventId, club.owner, { email: '+walkin@example.com' });
    const csv = await e.client(`${r.base(club.linkName, eventId)}/rsvps.csv`, { token: club.owner });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('name,email,status,position,check_ins,walk_in');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil"")",${s.email},going,,0,false`);
    expect(lines[2]).toBe(",'+walkin@example.com,checked_in,,1,true");
    const going = await r.attendance(club.linkName, eventId, club.owner, '?status=going');
    expect(going.body.rsvps).toHaveLength(1);
    expect((await r.attendance(club.linkName, eventId, club.owner, '?status=maybe')).status).toBe(400);
  });

  it('gives a student a secret calendar feed of their RSVPed events, cancelled ones marked', async () => {
    const s = await e.addStudent();
    const kept = await r.addEvent(club.clubId, {}, 'Kept; event');
    const dropped = await r.addEvent(club.clubId, {}, 'Dropped event');
    const left = await r.addEvent(club.clubId, {}, 'Left event');
    await r.rsvp(club.linkName, kept, s.token);
    await r.rsvp(club.linkName, dropped, s.token);
    const leftRsvp = (await r.rsvp(club.linkName, left, s.token)).body.rsvp;
    await r.move(club.linkName, left, leftRsvp.id, s.token, 'cancelled');
    await r.cancelEvent(club.clubId, dropped);
    const { url } = (await e.get('/api/student/calendar', s.token)).body;
    expect((await e.get('/api/student/calendar', s.token)).body.url).toBe(url);
    const path = new URL(url).pathname;
    const feed = await e.client(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = feed.body as string;
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain(`UID:${kept}@sproul.club`);
    expect(ics).toContain('SUMMARY:Kept\\; event (Club door-club)');
    expect(ics).not.toContain(left);
    const droppedBlock = ics.split('BEGIN:VEVENT').find((block) => block.includes(dropped)) ?? '';
    expect(droppedBlock).toContain('STATUS:CANCELLED');
    expect((await e.client('/api/student/calendar/not-a-token.ics')).status).toBe(404);
    expect((await e.client(`/api/student/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await e.get('/api/student/calendar')).status).toBe(401);
  });

  it("messages an event's attendees by RSVP status", async () => {
    const eventId = await r.addEvent(club.clubId);
    const a = await e.addStudent('Going One');
    const b = await e.addStudent('Cancelled Two');
    await r.rsvp(club.linkName, eventId, a.token);
    const bRsvp = (await r.rsvp(club.linkName, eventId, b.token)).body.rsvp;
    await r.move(club.linkName, eventId, bRsvp.id, b.token, 'cancelled');
    const sent = await e.client(`/api/clubs/${club.linkName}/messages`, {
      method: 'POST',
      token: club.owner,
      body: {
        subject: 'See you',
        body: 'Hi {{first_name}}, you are {{status}}',
        to: { event: { id: eventId, statuses: ['going'] } },
      },
    });
    expect(sent.status).toBe(202);
    const bulk = e
      .published<{ recipients: { to: string; fields: Record<string, string> }[] }>('BulkEmailRequested')
      .at(-1);
    expect(bulk?.recipients).toEqual([
      expect.objectContaining({
        to: a.email,
        fields: expect.objectContaining({ first_name: 'Going', status: 'going' }),
      }),
    ]);
    const nobody = await e.client(`/api/clubs/${club.linkName}/messages`, {
      method: 'POST',
      token: club.owner,
      body: { subject: 'x', body: 'y', to: { event: { id: eventId, statuses: ['no_show'] } } },
    });
    expect(nobody.status).toBe(422);
    const unknown = await e.client(`/api/clubs/${club.linkName}/messages`, {
      method: 'POST',
      token: club.owner,
      body: { subject: 'x', body: 'y', to: { event: { id: crypto.randomUUID(), statuses: ['going'] } } },
    });
    expect(unknown.status).toBe(404);
  });
});

describe('the role check of every officer RSVP route', () => {
  let e: EngagementHarness;
  let r: ReturnType<typeof rsvpHelpers>;
  let club: Awaited<ReturnType<EngagementHarness['addClub']>>;
  let eventId: string;
  const tokens = {} as Record<
    'owner' | 'officer' | 'otherClubOfficer' | 'removedOfficer' | 'student',
    string
  >;
  beforeAll(async () => {
    e = await startEngagement();
    r = rsvpHelpers(e);
    club = await e.addClub('guarded-events');
    const other = await e.addClub('other-events');
    eventId = await r.addEvent(club.clubId);
    tokens.owner = club.owner;
    tokens.officer = (await e.addOfficer(club.clubId)).token;
    tokens.otherClubOfficer = other.owner;
    const removed = await e.addOfficer(club.clubId);
    await e.setOfficer(club.clubId, removed.id, null);
    tokens.removedOfficer = removed.token;
    tokens.student = (await e.addStudent()).token;
  }, 60_000);
  afterAll(() => e?.close());

  const routes = [
    {
      name: 'PUT rsvp-settings',
      call: (t?: string) =>
        e.client(`${r.base(club.linkName, eventId)}/rsvp-settings`, {
          method: 'PUT',
          token: t,
          body: { capacity: 50, waitlist: true, members_only: false, rsvp_deadline: null },
        }),
    },
    {
      name: 'GET rsvps',
      call: (t?: string) => e.client(`${r.base(club.linkName, eventId)}/rsvps`, { token: t }),
    },
    {
      name: 'GET rsvps.csv',
      call: (t?: string) => e.client(`${r.base(club.linkName, eventId)}/rsvps.csv`, { token: t }),
    },
    {
      name: 'POST check-in',
      call: (t?: string) =>
        e.client(`${r.base(club.linkName, eventId)}/check-in`, {
          method: 'POST',
          token: t,
          body: { email: `${crypto.randomUUID()}@walk.in` },
        }),
    },
    {
      name: 'POST rsvps/:id/status (no_show)',
      call: async (t?: string) => {
        const s = await e.addStudent();
        const id = (await r.rsvp(club.linkName, eventId, s.token)).body.rsvp.id;
        return e.client(`${r.base(club.linkName, eventId)}/rsvps/${id}/status`, {
          method: 'POST',
          token: t,
          body: { status: 'no_show' },
        });
      },
    },
  ];
  for (const route of routes) {
    it(`${route.name}: anonymous 401; a student, another club's officer, a removed officer 403; the team allowed`, async () => {
      expect((await route.call(undefined)).status).toBe(401);
      for (const who of ['student', 'otherClubOfficer', 'removedOfficer'] as const) {
        const answer = await route.call(tokens[who]);
        expect(answer.status, who).toBe(403);
        expect(answer.body.status, who).toBe('error');
      }
      for (const who of ['owner', 'officer'] as const)
        expect((await route.call(tokens[who])).status, who).toBeLessThan(300);
    });
  }
});
