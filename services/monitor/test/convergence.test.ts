import { type EventEnvelope, socialLinkNames } from '@sproul/common/events';
import { storageKinds } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MonitorHarness, monitorOn } from './monitor-harness.js';
import { type PlatformModel, platformModel } from './platform-model.js';

const NOW = new Date('2026-11-04T12:00:00Z');
const WEEK = 7 * 24 * 3_600_000;
// This campus week in Berkeley (PST): Monday 2 November 00:00 to Monday 9 November 00:00.
const THIS_WEEK = [new Date('2026-11-02T08:00:00Z'), new Date('2026-11-09T08:00:00Z')] as const;
const MONDAYS = [
  '08-31',
  '09-07',
  '09-14',
  '09-21',
  '09-28',
  '10-05',
  '10-12',
  '10-19',
  '10-26',
  '11-02',
].map((day) => `2026-${day}`);
const MIN_CELL = 5;

/** The Monday (YYYY-MM-DD) of the Berkeley week holding an instant. */
function mondayOf(at: Date) {
  const zone = 'America/Los_Angeles';
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(at);
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short' }).format(at);
  const back = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(weekday);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - back)).toISOString().slice(0, 10);
}

/** Every figure, computed directly from the owning services' state (the model), not from events. */
function expectedStats(model: PlatformModel) {
  const now = NOW.getTime();
  const within = (at: Date | null, ms: number) =>
    at !== null && at.getTime() > now - ms && at.getTime() <= now;
  const weekly = (times: (Date | null)[]) => {
    const counts = new Array<number>(10).fill(0);
    for (const at of times) {
      if (!at || at.getTime() > now || at.getTime() <= now - 10 * WEEK) continue;
      const week = Math.floor((now - at.getTime()) / WEEK);
      counts[9 - week] = (counts[9 - week] ?? 0) + 1;
    }
    return counts;
  };
  const of = (role: string) => model.accounts.filter((account) => account.role === role);
  const officers = of('officer');
  const students = of('student');
  const confirmed = (list: typeof officers) => list.filter((account) => account.confirmedAt);
  const reactivated = model.clubs.filter((club) => club.confirmed && club.reactivated);
  const confirmedClubs = model.clubs.filter((club) => club.confirmed);
  const count = (test: (club: (typeof confirmedClubs)[number]) => boolean) =>
    confirmedClubs.filter(test).length;
  const pairs = (x: string, y: string, a: (c: (typeof confirmedClubs)[number]) => boolean, b: typeof a) => ({
    [x]: count(a),
    [`no_${x}`]: count((c) => !a(c)),
    [y]: count(b),
    [`no_${y}`]: count((c) => !b(c)),
    [`${x}_and_${y}`]: count((c) => a(c) && b(c)),
    [`${x}_and_no_${y}`]: count((c) => a(c) && !b(c)),
    [`no_${x}_and_${y}`]: count((c) => !a(c) && b(c)),
    [`no_${x}_and_no_${y}`]: count((c) => !a(c) && !b(c)),
  });
  // Gallery pictures of live, confirmed clubs (by the picture's club).
  const pictures = [...model.gallery.values()].filter((clubId) => model.clubsById.get(clubId)?.confirmed);
  const cell = (n: number) => (n > 0 && n < MIN_CELL ? null : n);
  const visible = model.clubs.filter((club) => club.visible);
  const open = (start: string | null, end: string | null) =>
    start !== null && end !== null && Date.parse(start) <= now && now < Date.parse(end);
  const signUps = new Map<string, number>();
  for (const account of model.accounts) {
    const monday = mondayOf(account.registeredAt);
    signUps.set(monday, (signUps.get(monday) ?? 0) + 1);
  }
  return {
    signUp: {
      club_admin: {
        main: {
          clubs_registered: officers.length,
          clubs_confirmed: confirmed(officers).length,
          clubs_reactivated: reactivated.length,
          clubs_rso_list: [...model.rso.values()].filter(Boolean).length,
        },
        changed: {
          clubs_registered: officers.filter((a) => within(a.registeredAt, WEEK)).length,
          clubs_confirmed: officers.filter((a) => within(a.confirmedAt, WEEK)).length,
          clubs_reactivated: reactivated.filter((c) =>
            within(c.reactivated_last ? new Date(c.reactivated_last) : null, WEEK),
          ).length,
        },
        history: {
          clubs_registered: weekly(officers.map((a) => a.registeredAt)),
          clubs_confirmed: weekly(officers.map((a) => a.confirmedAt)),
          clubs_reactivated: weekly(
            reactivated.map((c) => (c.reactivated_last ? new Date(c.reactivated_last) : null)),
          ),
        },
      },
      student: {
        main: { students_signed_up: students.length, students_confirmed: confirmed(students).length },
        changed: {
          students_signed_up: students.filter((a) => within(a.registeredAt, WEEK)).length,
          students_confirmed: students.filter((a) => within(a.confirmedAt, WEEK)).length,
        },
      },
    },
    activity: {
      active_club_admins: confirmed(officers).filter((a) => within(a.lastSeen, 30 * 60_000)).length,
      active_students: confirmed(students).filter((a) => within(a.lastSeen, 30 * 60_000)).length,
      catalog_searches: model.searches
        .filter((s) => within(s.to, 30 * 60_000))
        .reduce((sum, s) => sum + s.count, 0),
    },
    socialMedia: [
      Object.fromEntries(socialLinkNames.map((name) => [name, count((c) => c.social_links.includes(name))])),
    ],
    clubReqs: [
      pairs(
        'app_required',
        'new_members',
        (c) => c.app_required,
        (c) => c.new_members,
      ),
    ],
    picStats: [
      {
        ...pairs(
          'logo_pic',
          'banner_pic',
          (c) => c.has_logo,
          (c) => c.has_banner,
        ),
        gallery_pics: pictures.length,
        clubs_with_gallery_pics: new Set(pictures).size,
      },
    ],
    public: {
      clubs_by_tag: model.tags.map((tag) => ({
        ...tag,
        clubs: cell(visible.filter((c) => c.tags.includes(tag.id)).length),
      })),
      clubs_recruiting_now: cell(
        visible.filter((c) =>
          c.app_required
            ? open(c.apply_deadline_start, c.apply_deadline_end)
            : open(c.recruiting_start, c.recruiting_end),
        ).length,
      ),
      sign_ups_per_week: MONDAYS.map((monday) => ({
        week_start: monday,
        sign_ups: cell(signUps.get(monday) ?? 0),
      })),
      events_this_week: cell(
        visible
          .flatMap((c) => c.event_starts)
          .filter(
            (start) =>
              Date.parse(start) >= THIS_WEEK[0].getTime() && Date.parse(start) < THIS_WEEK[1].getTime(),
          ).length,
      ),
    },
  };
}

/** Every event at least once, some twice, in an order shuffled as retries and redeliveries shuffle it. */
function shuffledWithDuplicates(model: PlatformModel): EventEnvelope[] {
  const deliveries = model.events.flatMap((event) => (model.rng.chance(0.2) ? [event, event] : [event]));
  for (let i = deliveries.length - 1; i > 0; i--) {
    const j = model.rng.int(i + 1);
    [deliveries[i], deliveries[j]] = [deliveries[j] as EventEnvelope, deliveries[i] as EventEnvelope];
  }
  return deliveries;
}

describe.each(await storageKinds())('the read models converge whatever the delivery order (%s)', (kind) => {
  let monitor: MonitorHarness;

  beforeAll(async () => {
    monitor = await monitorOn(kind, NOW);
  });
  afterAll(() => monitor?.close());

  it('1 000 events out of order and with duplicates give the figures of the owning services’ data', async () => {
    const model = platformModel(NOW, 18);
    // A replaced picture is two events, so a history may end one past its size.
    expect(model.events.length).toBeGreaterThanOrEqual(1000);
    const deliveries = shuffledWithDuplicates(model);
    expect(deliveries.length).toBeGreaterThan(1100);
    // In a few bursts, as a consumer's batches take them.
    for (let start = 0; start < deliveries.length; start += 137) {
      await monitor.bus.publish(deliveries.slice(start, start + 137));
    }
    await (monitor.bus as { idle(): Promise<void> }).idle();

    const expected = expectedStats(model);
    // Not a degenerate history: each kind of figure has something to count.
    expect(expected.activity.active_club_admins + expected.activity.active_students).toBeGreaterThan(0);
    expect(expected.signUp.club_admin.main.clubs_reactivated).toBeGreaterThan(5);
    expect(expected.picStats[0]?.gallery_pics).toBeGreaterThan(2);
    expect((await monitor.get('/api/monitor/overview/stats/sign-up')).body).toEqual(expected.signUp);
    expect((await monitor.get('/api/monitor/overview/stats/activity')).body).toEqual(expected.activity);
    expect((await monitor.get('/api/monitor/more-stats/social-media')).body).toEqual(expected.socialMedia);
    expect((await monitor.get('/api/monitor/more-stats/club-reqs')).body).toEqual(expected.clubReqs);
    expect((await monitor.get('/api/monitor/more-stats/pic-stats')).body).toEqual(expected.picStats);
    expect((await monitor.get('/api/stats/public', null)).body).toMatchObject(expected.public);
  });
});
