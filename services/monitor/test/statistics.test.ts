import {
  AccountConfirmedV1,
  AccountDeletedV1,
  AccountSignedInV1,
  CatalogSearchesCountedV1,
  ClubCreatedV2,
  ClubDeletedV1,
  ClubUpdatedV2,
  type clubSummaryV2Schema,
  type EventEnvelope,
  ImageDeletedV1,
  ImageStoredV1,
  RsoListEntryChangedV1,
  TagChangedV1,
  UserRegisteredV1,
} from '@sproul/common/events';
import { clubSummaryV2, storageKinds } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { eventHistory, monitorOn } from './monitor-harness.js';

// Wednesday 04:00 in Berkeley (PST; daylight saving time ended on Sunday 1 November 2026).
const NOW = new Date('2026-11-04T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const event = eventHistory();
const officer = (id: string) => ({ userId: id, email: `${id}@berkeley.edu`, role: 'officer' as const });
const student = (id: string) => ({ userId: id, email: `${id}@berkeley.edu`, role: 'student' as const });
const registered = (who: ReturnType<typeof officer> | ReturnType<typeof student>, at: Date) =>
  event(UserRegisteredV1, { ...who, name: null, club: null }, at);
const confirmed = (who: ReturnType<typeof officer> | ReturnType<typeof student>, at: Date) =>
  event(AccountConfirmedV1, who, at);

type Summary = z.input<typeof clubSummaryV2Schema>;
const club = (name: string, fields: Partial<Summary>): Summary =>
  clubSummaryV2(name, {
    new_members: false,
    reactivated: true,
    registered_at: ago(30 * DAY).toISOString(),
    ...fields,
  });
const created = (clubId: string, summary: Summary) =>
  event(ClubCreatedV2, { clubId, ownerUserId: `owner-${clubId}`, club: summary }, ago(DAY));
const updated = (clubId: string, summary: Summary) =>
  event(ClubUpdatedV2, { clubId, changed: ['about_us'], club: summary }, ago(DAY));
const signedIn = (who: { userId: string; role: 'officer' | 'student' }, at: Date) =>
  event(AccountSignedInV1, { userId: who.userId, role: who.role, via: 'sign-in' }, at);
const searches = (to: Date, count: number) =>
  event(
    CatalogSearchesCountedV1,
    { from: new Date(to.getTime() - MIN).toISOString(), to: to.toISOString(), count },
    to,
  );
const image = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const stored = (clubId: string, n: number, purpose: 'logo' | 'banner' | 'gallery', replaces?: number) =>
  event(
    ImageStoredV1,
    {
      imageId: image(n),
      clubId,
      purpose,
      url: `https://cdn.test/${n}.webp`,
      objectKey: `clubs/${clubId}/${n}.webp`,
      caption: '',
      ...(replaces === undefined ? {} : { replaces: image(replaces) }),
    },
    ago(DAY),
  );
const rso = (email: string, listed: boolean) => event(RsoListEntryChangedV1, { email, listed }, ago(DAY));

const [o1, o2, o3, o4, o5, o6] = [
  officer('o1'),
  officer('o2'),
  officer('o3'),
  officer('o4'),
  officer('o5'),
  officer('o6'),
];
const [s1, s2] = [student('s1'), student('s2')];
const iso = (date: Date) => date.toISOString();

/**
 * A known history, some of it delivered out of order (as retries deliver it): each figure below is
 * worked out by hand from it. Upstream's answers, where they differ, are in the comments.
 */
function history(): EventEnvelope[] {
  const o6Registered = registered(o6, ago(DAY));
  const o6Confirmed = confirmed(o6, ago(HOUR));
  const rsoD = [rso('d@berkeley.edu', true), rso('d@berkeley.edu', false)];
  const c6 = created('c6', club('C6', {}));
  const c6Banner = updated(
    'c6',
    club('C6', { has_banner: true, app_required: true, tags: [0, 2], reactivated_last: iso(ago(9 * DAY)) }),
  );
  const c6Final = updated(
    'c6',
    club('C6', {
      has_banner: false,
      app_required: true,
      tags: [0, 2],
      reactivated_last: iso(ago(9 * DAY)),
      social_links: ['facebook'],
      apply_deadline_start: iso(ago(HOUR)),
      apply_deadline_end: iso(new Date(NOW.getTime() + HOUR)),
      // Monday 00:30 in Berkeley (this week), and Sunday 23:30 (last week).
      event_starts: ['2026-11-02T08:30:00Z', '2026-11-02T07:30:00Z'],
    }),
  );
  const g2 = stored('c1', 2, 'gallery');
  const g2Deleted = event(ImageDeletedV1, { imageId: image(2), clubId: 'c1', purpose: 'gallery' }, ago(DAY));
  const s1Old = signedIn(s1, ago(2 * HOUR));
  const s1Recent = signedIn(s1, ago(5 * MIN));
  return [
    registered(o1, new Date('2026-08-01T12:00:00Z')),
    confirmed(o1, new Date('2026-08-02T12:00:00Z')),
    registered(o2, ago(3 * DAY)),
    confirmed(o2, ago(2 * DAY)),
    registered(o3, ago(8 * DAY)),
    registered(o4, ago(20 * DAY)),
    confirmed(o4, ago(6 * DAY)),
    registered(o5, ago(10 * DAY)),
    event(AccountDeletedV1, { ...o5, clubId: null }, ago(5 * DAY)),
    // The confirmation delivered before the registration.
    o6Confirmed,
    o6Registered,
    registered(s1, ago(2 * DAY)),
    confirmed(s1, ago(2 * DAY)),
    registered(s2, ago(30 * DAY)),
    event(
      UserRegisteredV1,
      { userId: 'm1', email: 'm1@x.edu', role: 'member', name: null, club: null },
      ago(DAY),
    ),
    rso('a@berkeley.edu', true),
    rso('b@berkeley.edu', true),
    rso('c@berkeley.edu', true),
    rso('c@berkeley.edu', false),
    // A removal delivered before the addition it follows: the email stays off the list.
    rsoD[1] as EventEnvelope,
    rsoD[0] as EventEnvelope,
    event(
      TagChangedV1,
      {
        tags: [
          { id: 0, name: 'Arts' },
          { id: 1, name: 'Sports' },
          { id: 2, name: 'Tech' },
          { id: 3, name: 'Music' },
        ],
        num_user_tags: [],
      },
      ago(DAY),
    ),
    created(
      'c1',
      club('C1', {
        tags: [0, 1],
        app_required: true,
        new_members: true,
        reactivated_last: iso(ago(2 * DAY)),
        has_logo: true,
        has_banner: true,
        social_links: ['website', 'instagram'],
        apply_deadline_start: iso(ago(DAY)),
        apply_deadline_end: iso(new Date(NOW.getTime() + DAY)),
        event_starts: [iso(NOW), iso(ago(10 * DAY))],
      }),
    ),
    created(
      'c2',
      club('C2', {
        tags: [1],
        new_members: true,
        reactivated_last: iso(ago(20 * DAY)),
        has_logo: true,
        recruiting_start: iso(ago(5 * DAY)),
        recruiting_end: iso(ago(DAY)),
      }),
    ),
    created(
      'c3',
      club('C3', {
        tags: [2],
        visible: false,
        reactivated: false,
        social_links: ['discord'],
        event_starts: [iso(NOW)],
      }),
    ),
    created(
      'c4',
      club('C4', { tags: [1], visible: false, confirmed: false, social_links: ['website'], has_logo: true }),
    ),
    created('c5', club('C5', { tags: [3], has_logo: true })),
    event(ClubDeletedV1, { clubId: 'c5', ownerUserId: 'owner-c5', link_name: 'c5' }, ago(DAY)),
    // The club's last update delivered before the one it replaced, and that one twice.
    c6,
    c6Final,
    c6Banner,
    c6Banner,
    // Gallery pictures: c1 keeps one (the other's deletion delivered before its storing), c2's second
    // replaces its first, c4 is not confirmed; logos are not gallery pictures.
    stored('c1', 1, 'gallery'),
    g2Deleted,
    g2,
    stored('c1', 6, 'logo'),
    stored('c1', 7, 'logo'),
    stored('c2', 3, 'gallery'),
    stored('c2', 4, 'gallery', 3),
    stored('c4', 5, 'gallery'),
    signedIn(o2, ago(10 * MIN)),
    signedIn(o4, ago(40 * MIN)),
    signedIn(o3, ago(MIN)),
    s1Recent,
    s1Old,
    searches(ago(10 * MIN), 7),
    searches(ago(20 * MIN), 5),
    searches(ago(50 * MIN), 100),
  ];
}

describe.each(await storageKinds())('the monitor’s statistics from a known history (%s)', (kind) => {
  let monitor: Awaited<ReturnType<typeof monitorOn>>;

  beforeAll(async () => {
    monitor = await monitorOn(kind, NOW, { PUBLIC_STATS_MIN_CELL: '2' });
    await monitor.feed(history());
  });
  afterAll(() => monitor?.close());

  it('counts sign-ups: totals, the last 7 days by the time of each step, 10 weeks oldest first', async () => {
    const answer = await monitor.get('/api/monitor/overview/stats/sign-up');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      club_admin: {
        // o5 was deleted; o6's confirmation came before its registration and counts once.
        main: { clubs_registered: 5, clubs_confirmed: 4, clubs_reactivated: 3, clubs_rso_list: 2 },
        // Upstream counted confirmations by registration date: o4 (registered 20 days ago, confirmed
        // 6 days ago) was missing from its 2.
        changed: { clubs_registered: 2, clubs_confirmed: 3, clubs_reactivated: 1 },
        history: {
          clubs_registered: [0, 0, 0, 0, 0, 0, 0, 1, 1, 2],
          clubs_confirmed: [0, 0, 0, 0, 0, 0, 0, 0, 0, 3],
          clubs_reactivated: [0, 0, 0, 0, 0, 0, 0, 1, 1, 1],
        },
      },
      student: {
        main: { students_signed_up: 2, students_confirmed: 1 },
        changed: { students_signed_up: 1, students_confirmed: 1 },
      },
    });
  });

  it('counts confirmed officers and students active in the last 30 minutes, and real catalog searches', async () => {
    // o4 was last seen 40 minutes ago; o3 has not confirmed (upstream counted confirmed users only);
    // s1's older sign-in, delivered last, does not move its latest back. Upstream: searches "N/A".
    expect((await monitor.get('/api/monitor/overview/stats/activity')).body).toEqual({
      active_club_admins: 1,
      active_students: 1,
      catalog_searches: 12,
    });
  });

  it('counts a social link only when it is set, over confirmed clubs', async () => {
    // Upstream counted unset (null) links as set: 4 for every link here.
    const answer = await monitor.get('/api/monitor/more-stats/social-media');
    expect(answer.body).toEqual([
      {
        website: 1,
        facebook: 1,
        instagram: 1,
        linkedin: 0,
        twitter: 0,
        youtube: 0,
        github: 0,
        behance: 0,
        medium: 0,
        gcalendar: 0,
        discord: 1,
      },
    ]);
  });

  it('answers club requirements and pictures with upstream’s keys and the dashboard’s combined ones', async () => {
    expect((await monitor.get('/api/monitor/more-stats/club-reqs')).body).toEqual([
      {
        app_required: 2,
        no_app_required: 2,
        new_members: 2,
        no_new_members: 2,
        app_required_and_new_members: 1,
        app_required_and_no_new_members: 1,
        no_app_required_and_new_members: 1,
        no_app_required_and_no_new_members: 1,
      },
    ]);
    // c6's banner is gone in its newest update, delivered before the older one (twice).
    expect((await monitor.get('/api/monitor/more-stats/pic-stats')).body).toEqual([
      {
        logo_pic: 2,
        no_logo_pic: 2,
        banner_pic: 1,
        no_banner_pic: 3,
        logo_pic_and_banner_pic: 1,
        logo_pic_and_no_banner_pic: 1,
        no_logo_pic_and_banner_pic: 0,
        no_logo_pic_and_no_banner_pic: 2,
        gallery_pics: 2,
        clubs_with_gallery_pics: 2,
      },
    ]);
  });

  it('answers public statistics to anyone, small counts suppressed, cacheable', async () => {
    const answer = await monitor.get('/api/stats/public', null);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      min_cell: 2,
      clubs_by_tag: [
        { id: 0, name: 'Arts', clubs: 2 },
        { id: 1, name: 'Sports', clubs: 2 },
        // One visible club (c6): suppressed. c3 is hidden.
        { id: 2, name: 'Tech', clubs: null },
        { id: 3, name: 'Music', clubs: 0 },
      ],
      clubs_recruiting_now: 2,
      sign_ups_per_week: [
        ...['08-31', '09-07', '09-14', '09-21', '09-28'].map((day) => ({
          week_start: `2026-${day}`,
          sign_ups: 0,
        })),
        { week_start: '2026-10-05', sign_ups: null },
        { week_start: '2026-10-12', sign_ups: null },
        { week_start: '2026-10-19', sign_ups: 0 },
        { week_start: '2026-10-26', sign_ups: 2 },
        { week_start: '2026-11-02', sign_ups: 2 },
      ],
      events_this_week: 2,
      week_start: '2026-11-02',
    });
    expect(answer.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = answer.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await monitor.get('/api/stats/public', null);
    expect(again.headers.get('etag')).toBe(etag);
    const notModified = await fetch(monitor.url('/api/stats/public'), {
      headers: { 'if-none-match': etag as string },
    });
    expect(notModified.status).toBe(304);
  });

  it('keeps the statistics routes to admins (a wrong role is upstream’s 401)', async () => {
    for (const path of ['/api/monitor/overview/stats/sign-up', '/api/monitor/more-stats/pic-stats']) {
      expect((await monitor.get(path, null)).status).toBe(401);
      const officerAnswer = await monitor.get(path, await monitor.auth.token('officer'));
      expect(officerAnswer.status).toBe(401);
      expect(officerAnswer.body).toMatchObject({
        status: 'error',
        reason: 'You are not allowed to access this endpoint!',
      });
    }
  });
});
