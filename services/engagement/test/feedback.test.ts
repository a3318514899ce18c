import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngagementHarness, startEngagement } from './engagement-harness.js';
import { rsvpHelpers } from './rsvp-harness.js';

// Feedback: anyone signed in rates an event, a club or the platform, a few times per hour (counted
// from stored feedback); officers read their club's with averages per event, admins read everything.

const MINUTE = 60_000;

describe('feedback', () => {
  let e: EngagementHarness;
  let now = new Date('2026-03-02T18:00:00.000Z');
  let club: Awaited<ReturnType<EngagementHarness['addClub']>>;
  let other: Awaited<ReturnType<EngagementHarness['addClub']>>;
  let admin: string;
  let eventA: string;
  let eventB: string;

  const send = (token: string, body: unknown) => e.client('/api/feedback', { method: 'POST', token, body });
  const student = async () => (await e.addStudent()).token;

  beforeAll(async () => {
    e = await startEngagement('embedded', { FEEDBACK_PER_ACCOUNT_PER_HOUR: '3' }, { clock: () => now });
    club = await e.addClub('rated');
    other = await e.addClub('elsewhere-rated');
    const events = rsvpHelpers(e);
    eventA = await events.addEvent(club.clubId, {}, 'Rated night');
    eventB = await events.addEvent(club.clubId, {}, 'Rated day');
    admin = await e.auth.token('admin');
  }, 60_000);
  afterAll(() => e?.close());

  it('is taken from any signed-in account about an event, a club or the platform', async () => {
    const about = [
      { kind: 'event', club: club.linkName, event_id: eventA },
      { kind: 'club', club: club.linkName },
      { kind: 'platform' },
    ];
    const tokens = [await student(), club.owner, admin];
    for (const [i, token] of tokens.entries()) {
      const answer = await send(token, { about: about[i], rating: 4, comment: 'Great\nfun' });
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ kind: about[i]?.kind, rating: 4, comment: 'Great\nfun' });
    }
    expect(
      (await e.client('/api/feedback', { method: 'POST', body: { about: { kind: 'platform' }, rating: 3 } }))
        .status,
    ).toBe(401);
  });

  it('refuses bad input with 4xx', async () => {
    const token = await student();
    const bad = [
      { about: { kind: 'platform' }, rating: 0 },
      { about: { kind: 'platform' }, rating: 6 },
      { about: { kind: 'platform' }, rating: 2.5 },
      { about: { kind: 'platform' }, rating: 3, comment: 'x'.repeat(2001) },
      { about: { kind: 'platform' }, rating: 3, comment: 'bell\u0007' },
      { about: { kind: 'event', club: club.linkName, event_id: 'not-a-uuid' }, rating: 3 },
      { about: { kind: 'event', club: club.linkName }, rating: 3 },
      { about: { kind: 'someone' }, rating: 3 },
    ];
    for (const body of bad) expect((await send(token, body)).status).toBe(400);
    // An event the club does not have (or another club's) is not found.
    for (const event_id of [crypto.randomUUID(), await rsvpHelpers(e).addEvent(other.clubId)])
      expect(
        (await send(token, { about: { kind: 'event', club: club.linkName, event_id }, rating: 3 })).status,
      ).toBe(404);
    const unknownClub = await send(token, { about: { kind: 'club', club: 'no-such-club' }, rating: 3 });
    expect(unknownClub.status).toBe(404);
  });

  it('limits each account per hour, with Retry-After, counted from stored feedback', async () => {
    const token = await student();
    const body = { about: { kind: 'platform' }, rating: 5, comment: '' };
    const start = now;
    for (let i = 0; i < 3; i++) {
      expect((await send(token, body)).status).toBe(201);
      now = new Date(now.getTime() + 10 * MINUTE);
    }
    const limited = await send(token, body);
    expect(limited.status).toBe(429);
    expect(limited.body.reason).toMatch(/3 feedback per hour/);
    // The first of the three leaves the window an hour after it was sent: 30 minutes from now.
    expect(limited.headers.get('retry-after')).toBe('1800');
    expect(limited.body.data).toMatchObject({ retry_after: 1800, limit: 3 });
    // Another account is not limited by this one.
    expect((await send(await student(), body)).status).toBe(201);
    now = new Date(start.getTime() + 60 * MINUTE + 1000);
    expect((await send(token, body)).status).toBe(201);
  });

  it('gives officers their club’s feedback with the average rating per event', async () => {
    for (const [event, rating] of [
      [eventA, 5],
      [eventA, 2],
      [eventB, 3],
    ] as const) {
      const answer = await send(await student(), {
        about: { kind: 'event', club: club.linkName, event_id: event },
        rating,
      });
      expect(answer.status).toBe(201);
    }
    await send(await student(), { about: { kind: 'club', club: other.linkName }, rating: 1 });
    const answer = await e.get(`/api/clubs/${club.linkName}/feedback`, club.owner);
    expect(answer.status).toBe(200);
    // eventA: 4 (first test), 5 and 2; eventB: 3.
    const averages = Object.fromEntries(
      answer.body.events.map((ev: { event_id: string; average: number; count: number }) => [
        ev.event_id,
        [ev.average, ev.count],
      ]),
    );
    expect(averages[eventA]).toEqual([3.67, 3]);
    expect(averages[eventB]).toEqual([3, 1]);
    expect(answer.body.club).toEqual({ average: 4, count: 1 });
    expect(answer.body.total).toBe(5);
    expect(answer.body.feedback.every((f: object) => !('account_id' in f))).toBe(true);
    const page = await e.get(`/api/clubs/${club.linkName}/feedback?limit=2&offset=1`, club.owner);
    expect(page.body.feedback).toHaveLength(2);
  });

  it('lets only the club’s officers (and admins) read a club’s feedback', async () => {
    expect((await e.get(`/api/clubs/${club.linkName}/feedback`, other.owner)).status).toBe(403);
    expect((await e.get(`/api/clubs/${club.linkName}/feedback`, await student())).status).toBe(403);
    expect((await e.get(`/api/clubs/${club.linkName}/feedback`, admin)).status).toBe(200);
    expect((await e.get(`/api/clubs/${club.linkName}/feedback?limit=0`, club.owner)).status).toBe(400);
  });

  it('gives admins all feedback, paged and by kind', async () => {
    // A wrong role is a 401 in this codebase (AUTH.FORBIDDEN_ROLE, as upstream answers it).
    for (const token of [club.owner, await student()]) {
      expect((await e.get('/api/monitor/feedback', token)).status).toBe(401);
    }
    const all = await e.get('/api/monitor/feedback', admin);
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThanOrEqual(10);
    const platform = await e.get('/api/monitor/feedback?kind=platform&limit=2', admin);
    expect(platform.body.feedback).toHaveLength(2);
    expect(
      platform.body.feedback.every(
        (f: { kind: string; account_id: string }) => f.kind === 'platform' && f.account_id,
      ),
    ).toBe(true);
    expect((await e.get('/api/monitor/feedback?kind=nope', admin)).status).toBe(400);
  });
});
