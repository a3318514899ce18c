import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devMailsTo, devMailTo, linkIn } from './support/mail.js';
import { type OfficerSession, signUpOfficer } from './support/officer.js';
import { type Api, startTestPlatform, type TestPlatform } from './support/platform.js';
import { type StudentAccount, signUpStudent } from './support/student.js';

const ADMIN = { email: 'admin@campus.test', password: 'Admin-pass-42!' };
const OFFICER = { email: 'rowing@berkeley.edu', password: 'Rowing-4-ever!', club: 'Cal Rowing' };
const A: StudentAccount = { email: 'alice@berkeley.edu', password: 'Alice-rows-2026!', name: 'Alice Adams' };
const B: StudentAccount = { email: 'bruno@berkeley.edu', password: 'Bruno-rows-2026!', name: 'Bruno Brown' };
const C: StudentAccount = { email: 'chen@berkeley.edu', password: 'Chen-rows-2026!', name: 'Chen Carter' };

const HOUR = 3_600_000;
// Tomorrow, so that neither the RSVP deadline (the start, by default) nor the no-show job interferes.
const STARTS = new Date(Date.now() + 24 * HOUR);
// A short name without commas or semicolons: it appears unfolded and unescaped in the iCalendar feed.
const EVENT = {
  name: 'Boathouse Open Night',
  location: 'Oakland Estuary boathouse',
  description: 'Try an erg, meet the crew.',
  event_start: STARTS.toISOString(),
  event_end: new Date(STARTS.getTime() + 2 * HOUR).toISOString(),
};
const PROMOTED_SUBJECT = `You're off the waitlist: ${EVENT.name}`;

interface Ticket {
  payload: string;
  qr_url: string;
}
interface Rsvp {
  id: string;
  status: string;
  position: number | null;
  ticket: Ticket;
}

/** The same payload with one character in its middle changed (a middle base64/hex digit is all data). */
function forge(payload: string): string {
  let at = Math.floor(payload.length / 2);
  while (!/[A-Za-z0-9]/.test(payload[at]!)) at++;
  const c = payload[at]!;
  const swapped = /\d/.test(c)
    ? c === '0'
      ? '1'
      : '0'
    : /[a-z]/.test(c)
      ? c === 'a'
        ? 'b'
        : 'a'
      : c === 'A'
        ? 'B'
        : 'A';
  return payload.slice(0, at) + swapped + payload.slice(at + 1);
}

/** The cells of each CSV line (the names and emails here hold no commas or quotes). */
const csvRows = (csv: string) =>
  csv
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));

// Issue 21's acceptance, end to end on `npm start`'s composition and through the gateway only: an
// officer's event with 2 seats, three RSVPs (the third waitlisted), a cancellation that promotes the
// third (emailed, the link from the local inbox), check-in by the tickets' payloads, the attendance
// CSV, and a student's personal calendar feed. The steps build on each other and share the state below.
describe('club events: RSVP, waitlist, check-in and attendance end to end (embedded platform)', () => {
  let testPlatform: TestPlatform;
  let api: Api;
  let base: string;
  let officer: OfficerSession;
  let eventId: string;
  const tokens: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  const rsvps: Partial<Record<'a' | 'b' | 'c', Rsvp>> = {};
  const eventPath = () => `/api/clubs/${officer.link}/events/${eventId}`;

  /** The student's own RSVP to this event as `GET /api/student/rsvps` lists it. */
  const myRsvp = async (who: 'a' | 'b' | 'c'): Promise<Rsvp | undefined> => {
    const answer = await api('/api/student/rsvps', { token: tokens[who] });
    if (answer.status !== 200) return undefined;
    const list = (Array.isArray(answer.body) ? answer.body : answer.body.rsvps) as Rsvp[];
    return list.find((rsvp) => rsvp.id === rsvps[who]!.id);
  };
  /** The body of a 200 answer; otherwise throws the status and body, which `eventually` reports last. */
  const answered = async (path: string, init?: Parameters<Api>[1]) => {
    const answer = await api(path, init);
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const checkIn = (body: { payload: string; again?: boolean }) =>
    api(`${eventPath()}/check-in`, { token: officer.access, body });

  beforeAll(async () => {
    testPlatform = await startTestPlatform('club-events', {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    });
    api = testPlatform.api;
    base = testPlatform.platform.url;
  }, 60_000);
  afterAll(() => testPlatform?.stop());

  it('an officer adds an event for tomorrow; engagement learns of it; the officer gives it 2 seats and a waitlist', async () => {
    officer = await signUpOfficer(api, base, ADMIN, OFFICER);
    // Upstream's officer route: the answer is the club's whole event list.
    const added = await api('/api/admin/events', { token: officer.access, body: EVENT });
    expect(added.status).toBe(200);
    eventId = added.body.find((event: { name: string }) => event.name === EVENT.name).id;

    // Engagement's copy of the event arrives with the catalog's ClubEventScheduled.
    const before = await eventually(() => answered(`${eventPath()}/rsvp`), 20_000);
    expect(before).toMatchObject({
      settings: { capacity: null, waitlist: true, members_only: false },
      counts: { going: 0, waitlisted: 0 },
      mine: null,
    });

    // The officer's role comes from engagement's copy of auth's teams: the first write may wait for it.
    const settings = { capacity: 2, waitlist: true, members_only: false, rsvp_deadline: null };
    const saved = await eventually(
      () =>
        answered(`${eventPath()}/rsvp-settings`, { method: 'PUT', token: officer.access, body: settings }),
      20_000,
    );
    expect(saved).toMatchObject({ capacity: 2, waitlist: true });
    expect((await api(`${eventPath()}/rsvp`)).body.settings).toMatchObject({ capacity: 2, waitlist: true });
  }, 45_000); // a sign-up and two trips over the bus, on a loaded machine

  it('three students RSVP in order: two are going, the third is first on the waitlist', async () => {
    const accounts = { a: A, b: B, c: C };
    await Promise.all(
      (['a', 'b', 'c'] as const).map(async (who) => {
        tokens[who] = await signUpStudent(api, base, accounts[who]);
      }),
    );
    for (const [who, status, position] of [
      ['a', 'going', null],
      ['b', 'going', null],
      ['c', 'waitlisted', 1],
    ] as const) {
      const answer = await api(`${eventPath()}/rsvps`, { token: tokens[who], body: {} });
      expect(answer.status).toBe(201);
      expect(answer.body.rsvp).toMatchObject({ event_id: eventId, status, position });
      expect(answer.body.rsvp.ticket).toMatchObject({
        payload: expect.any(String),
        qr_url: expect.any(String),
      });
      rsvps[who] = answer.body.rsvp;
    }
    const seen = await api(`${eventPath()}/rsvp`, { token: tokens.c });
    expect(seen.body.counts).toMatchObject({ going: 2, waitlisted: 1 });
    expect(seen.body.mine).toMatchObject({ id: rsvps.c!.id, status: 'waitlisted', position: 1 });
  });

  it('the first cancels: the third is promoted and gets one email whose link is their ticket', async () => {
    const cancelled = await api(`${eventPath()}/rsvps/${rsvps.a!.id}/status`, {
      token: tokens.a,
      body: { status: 'cancelled' },
    });
    expect(cancelled.status).toBe(200);

    const promoted = await eventually(async () => {
      const mine = await myRsvp('c');
      return mine?.status === 'going' ? mine : undefined;
    }, 20_000);
    expect(promoted.position).toBeNull();
    rsvps.c = promoted;

    const mail = await devMailTo(base, C.email, PROMOTED_SUBJECT);
    const link = linkIn(mail, /https?:\/\/\S+\/api\/tickets\/\S+\/qr\.png/);
    const qr = new URL(promoted.ticket.qr_url, base);
    expect(new URL(link).pathname).toBe(qr.pathname);
    const image = await fetch(qr);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\/png/);
    expect(
      Buffer.from(await image.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    expect(await devMailsTo(base, C.email, PROMOTED_SUBJECT)).toHaveLength(1);
    for (const other of [A, B]) expect(await devMailsTo(base, other.email, PROMOTED_SUBJECT)).toHaveLength(0);
  });

  it('the officer checks the two in by their tickets; repeat scans need `again`; forged and cancelled tickets are refused', async () => {
    for (const [who, student] of [
      ['b', B],
      ['c', C],
    ] as const) {
      const answer = await checkIn({ payload: rsvps[who]!.ticket.payload });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        name: student.name,
        email: student.email,
        count: 1,
        status: 'checked_in',
        walk_in: false,
      });
    }

    // LCS semantics: a second scan is refused unless the officer means it.
    expect(await checkIn({ payload: rsvps.b!.ticket.payload })).toMatchObject({
      status: 409,
      body: { status: 'error', data: { count: 1 } },
    });
    expect(await checkIn({ payload: rsvps.b!.ticket.payload, again: true })).toMatchObject({
      status: 200,
      body: { name: B.name, count: 2, status: 'checked_in' },
    });

    expect(await checkIn({ payload: forge(rsvps.b!.ticket.payload) })).toMatchObject({
      status: 422,
      body: { status: 'error' },
    });
    // A genuine ticket of a cancelled RSVP: cancelled → checked_in is not a move of the state machine.
    expect(await checkIn({ payload: rsvps.a!.ticket.payload })).toMatchObject({
      status: 409,
      body: { status: 'error' },
    });
  });

  it('attendance (JSON and CSV) shows the two checked in, the first cancelled', async () => {
    const attendance = await api(`${eventPath()}/rsvps`, { token: officer.access });
    expect(attendance.status).toBe(200);
    expect(attendance.body.counts).toMatchObject({ going: 0, waitlisted: 0, checked_in: 2, cancelled: 1 });
    // `check_ins`: the count, or the list of scans (one entry each).
    const byEmail = new Map(
      attendance.body.rsvps.map((r: { email: string; check_ins: number | unknown[] }) => [
        r.email,
        { ...r, check_ins: Array.isArray(r.check_ins) ? r.check_ins.length : r.check_ins },
      ]),
    );
    expect(byEmail.get(B.email)).toMatchObject({ name: B.name, status: 'checked_in', check_ins: 2 });
    expect(byEmail.get(C.email)).toMatchObject({ name: C.name, status: 'checked_in', check_ins: 1 });
    expect(byEmail.get(A.email)).toMatchObject({ status: 'cancelled' });

    const csv = await api(`${eventPath()}/rsvps.csv`, { token: officer.access });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = csvRows(csv.body as string);
    for (const student of [B, C]) {
      const row = rows.find((cells) => cells.includes(student.email));
      expect(row, student.email).toBeDefined();
      expect(row).toContain(student.name);
      expect(row).toContain('checked_in');
      expect(row).not.toContain('going');
    }
    expect(rows.find((cells) => cells.includes(A.email)) ?? []).not.toContain('checked_in');
  });

  it("the second student's personal calendar feed holds the event", async () => {
    const calendar = await api('/api/student/calendar', { token: tokens.b });
    expect(calendar.status).toBe(200);
    // The feed is public (its secret token is the credential), as calendar apps fetch it.
    const feed = await fetch(new URL(calendar.body.url, base));
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toMatch(new RegExp(`^SUMMARY[^:\\r\\n]*:.*${EVENT.name}`, 'm'));
    expect(ics).not.toContain('STATUS:CANCELLED');
  });
});
