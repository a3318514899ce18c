import { eventually, fetchJson as send } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clubFaqRepository } from '../src/data-access/club-faq-repository.js';
import { type Club, clubRepository } from '../src/data-access/club-repository.js';
import { type CatalogHarness, type CatalogStorage, startCatalogHarness } from './catalog-harness.js';

const OFFSET = /[+-]\d\d:\d\d$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each<CatalogStorage>(['embedded', 'postgres'])('officer API (/api/admin) (%s)', (storage) => {
  let catalog: CatalogHarness;
  let club: Club;
  let token: string;
  let otherToken: string;
  let other: Club;
  const officerId = crypto.randomUUID();
  const admin = (path: string) => catalog.url(`/api/admin${path}`);
  const as = (method: string, path: string, body?: unknown, bearer = token) =>
    send(admin(path), { method, body, token: bearer });
  const clubUpdates = () => catalog.published<{ clubId: string; changed: string[] }>('ClubUpdated', 1);

  beforeAll(async () => {
    catalog = await startCatalogHarness({}, storage);
    club = await catalog.addClub({
      name: 'Cal Robotics',
      ownerUserId: officerId,
      ownerEmail: 'robotics@berkeley.edu',
      tags: [4, 0],
      numUsers: 2,
      aboutUs: 'We build robots.',
      socialMediaLinks: {
        contact_email: 'robotics@berkeley.edu',
        instagram: 'https://instagram.com/calrobotics',
      },
    });
    token = await catalog.auth.token('officer', { sub: officerId, email: 'robotics@berkeley.edu' });
    const otherId = crypto.randomUUID();
    other = await catalog.addClub({
      name: 'Chess Club',
      ownerUserId: otherId,
      ownerEmail: 'chess@berkeley.edu',
    });
    otherToken = await catalog.auth.token('officer', { sub: otherId, email: 'chess@berkeley.edu' });
  });
  afterAll(() => catalog?.close());

  describe('who may call it', () => {
    const routes: [string, string][] = [
      ['GET', '/profile'],
      ['POST', '/profile'],
      ['GET', '/resources'],
      ['POST', '/resources'],
      ['PUT', '/resources/x'],
      ['DELETE', '/resources/x'],
      ['GET', '/events'],
      ['POST', '/events'],
      ['PUT', '/events/x'],
      ['DELETE', '/events/x'],
      ['GET', '/recruiting-events'],
      ['POST', '/recruiting-events'],
      ['PUT', '/recruiting-events/x'],
      ['DELETE', '/recruiting-events/x'],
      ['GET', '/faq'],
      ['POST', '/faq'],
      ['PUT', '/faq/x'],
      ['DELETE', '/faq/x'],
    ];

    it.each(routes)(
      '%s %s answers 401 without a token, and to a student or admin (upstream: 401)',
      async (method, path) => {
        const body = method === 'GET' || method === 'DELETE' ? undefined : {};
        const anonymous = await send(admin(path), { method, body });
        expect(anonymous.status).toBe(401);
        expect(anonymous.body).toMatchObject({ status: 'error', reason: 'Missing Authorization Header' });
        for (const role of ['student', 'admin'] as const) {
          const wrong = await send(admin(path), { method, body, token: await catalog.auth.token(role) });
          expect(wrong.status).toBe(401);
          expect(wrong.body.reason).toBe('You are not allowed to access this endpoint!');
        }
        const forged = await send(admin(path), { method, body, token: `${token.slice(0, -4)}AAAA` });
        expect(forged.status).toBe(401);
      },
    );

    it('answers 404 to an officer whose club does not exist (yet)', async () => {
      const lonely = await catalog.auth.token('officer', { sub: crypto.randomUUID() });
      for (const [method, path] of [
        ['GET', '/profile'],
        ['POST', '/faq'],
      ] as const) {
        const res = await send(admin(path), {
          method,
          body: method === 'POST' ? { question: 'Q?', answer: 'A.' } : undefined,
          token: lonely,
        });
        expect(res.status).toBe(404);
        expect(res.body.status).toBe('error');
      }
    });
  });

  describe('profile', () => {
    it("answers the officer's whole club with owner and confirmed, social links an object, dates with offsets", async () => {
      const res = await as('GET', '/profile');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: 'Cal Robotics',
        link_name: club.linkName,
        owner: 'robotics@berkeley.edu',
        confirmed: true,
        tags: [4, 0],
        num_users: 2,
        about_us: 'We build robots.',
        resources: [],
        events: [],
        recruiting_events: [],
        faq: [],
        gallery_media: [],
        reactivated: true,
      });
      expect(Object.keys(res.body.social_media_links)).toEqual(
        expect.arrayContaining(['contact_email', 'website', 'instagram', 'discord']),
      );
      expect(res.body.social_media_links.instagram).toBe('https://instagram.com/calrobotics');
      expect(res.body.social_media_links.website).toBeNull();
      expect(res.body.last_updated).toMatch(OFFSET);
    });

    it('edits only the keys sent, merges social links, and emits ClubUpdated naming the fields', async () => {
      const before = (await as('GET', '/profile')).body;
      const seen = clubUpdates().length;
      const res = await as('POST', '/profile', {
        about_us: 'We build autonomous robots.',
        social_media_links: { website: 'calrobotics.org', discord: 'https://discord.gg/robots' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'success' });
      const after = (await as('GET', '/profile')).body;
      expect(after.about_us).toBe('We build autonomous robots.');
      expect(after.get_involved).toBe(before.get_involved);
      expect(after.tags).toEqual(before.tags);
      expect(after.social_media_links).toMatchObject({
        instagram: 'https://instagram.com/calrobotics',
        website: 'https://calrobotics.org',
        discord: 'https://discord.gg/robots',
        contact_email: 'robotics@berkeley.edu',
      });
      expect(Date.parse(after.last_updated)).toBeGreaterThanOrEqual(Date.parse(before.last_updated));
      const update = await eventually(() =>
        clubUpdates()
          .slice(seen)
          .find((event) => event.clubId === club.id),
      );
      expect(update.changed).toEqual(expect.arrayContaining(['about_us', 'social_media_links']));

      // null clears one link; the others stay
      await as('POST', '/profile', { social_media_links: { discord: null } });
      const cleared = (await as('GET', '/profile')).body.social_media_links;
      expect(cleared.discord).toBeNull();
      expect(cleared.website).toBe('https://calrobotics.org');
    });

    it('upstream §6.1 #11: an edit refused for one field leaves its valid social links unapplied (upstream committed them first)', async () => {
      const before = (await as('GET', '/profile')).body;
      const res = await as('POST', '/profile', {
        social_media_links: { discord: 'https://discord.gg/never-saved' },
        tags: [999],
      });
      expect(res).toMatchObject({ status: 400, body: { data: [{ field: 'tags' }] } });
      expect((await as('GET', '/profile')).body).toEqual(before);
    });

    it("accepts the web client's full form (14 keys, client date formats) and answers dates with the campus offset", async () => {
      const res = await as('POST', '/profile', {
        name: 'Cal Robotics',
        tags: [4],
        app_required: true,
        new_members: false,
        about_us: 'We build autonomous robots.',
        get_involved: 'Come to our info session.',
        social_media_links: { contact_email: 'robotics@berkeley.edu' },
        num_users: 3,
        recruiting_start: '2026-01-20 09:00',
        recruiting_end: '2026-02-01T17:00:00',
        apply_deadline_start: '2026-01-20T17:00:00.000Z',
        apply_deadline_end: null,
        apply_link: 'https://forms.gle/robots',
        is_reactivating: false,
      });
      expect(res.status).toBe(200);
      const profile = (await as('GET', '/profile')).body;
      expect(profile).toMatchObject({
        tags: [4],
        app_required: true,
        num_users: 3,
        apply_link: 'https://forms.gle/robots',
      });
      // 09:00 on campus (Pacific, winter) is 17:00 UTC
      expect(profile.recruiting_start).toBe('2026-01-20T09:00:00.000-08:00');
      expect(profile.apply_deadline_start).toBe('2026-01-20T09:00:00.000-08:00');
      expect(profile.recruiting_end).toBe('2026-02-01T17:00:00.000-08:00');
      expect(profile.apply_deadline_end).toBeNull();
    });

    it('takes back what it answered: the web client echoes the profile form unchanged, nothing changes', async () => {
      const before = (await as('GET', '/profile')).body;
      const keys = [
        'name',
        'tags',
        'app_required',
        'new_members',
        'about_us',
        'get_involved',
        'social_media_links',
        'num_users',
        'recruiting_start',
        'recruiting_end',
        'apply_deadline_start',
        'apply_deadline_end',
        'apply_link',
      ];
      const form = { ...Object.fromEntries(keys.map((key) => [key, before[key]])), is_reactivating: false };
      const res = await as('POST', '/profile', form);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect((await as('GET', '/profile')).body).toEqual(before);
    });

    it('renames: the link name follows the name and the old one redirects (ClubUpdated says so)', async () => {
      const seen = clubUpdates().length;
      const res = await as('POST', '/profile', { name: 'Cal Robotics & AI' });
      expect(res.status).toBe(200);
      const profile = (await as('GET', '/profile')).body;
      expect(profile.name).toBe('Cal Robotics & AI');
      expect(profile.link_name).toBe('cal-robotics-and-ai');
      const update = await eventually(() =>
        catalog
          .published<{ clubId: string; changed: string[]; previousLinkName?: string }>('ClubUpdated', 1)
          .slice(seen)
          .find((event) => event.clubId === club.id),
      );
      expect(update).toMatchObject({ previousLinkName: club.linkName });
      expect(update.changed).toEqual(expect.arrayContaining(['name', 'link_name']));
      const old = await send(catalog.url(`/api/catalog/organizations/${club.linkName}`));
      expect(old.status).toBe(301);
      expect(old.headers.get('location')).toBe('/api/catalog/organizations/cal-robotics-and-ai');
    });

    it.each([
      ['a name over 70 characters', { name: 'n'.repeat(71) }, 'name'],
      ['about_us over 750 characters', { about_us: 'a'.repeat(751) }, 'about_us'],
      ['get_involved over 500 characters', { get_involved: 'g'.repeat(501) }, 'get_involved'],
      ['four tags', { tags: [0, 1, 2, 3] }, 'tags'],
      ['an unknown tag', { tags: [999] }, 'tags'],
      ['an unknown member-count range', { num_users: 99 }, 'num_users'],
      ['a javascript: apply link', { apply_link: 'javascript:alert(1)' }, 'apply_link'],
      [
        'a data: social link',
        { social_media_links: { website: 'data:text/html,<script>' } },
        'social_media_links.website',
      ],
      [
        'an unknown social network',
        { social_media_links: { myspace: 'https://myspace.com/x' } },
        'social_media_links',
      ],
      [
        'an invalid contact email',
        { social_media_links: { contact_email: 'nope' } },
        'social_media_links.contact_email',
      ],
      ['an unparseable date', { recruiting_start: 'next tuesday' }, 'recruiting_start'],
      [
        'a deadline ending before it starts',
        { apply_deadline_start: '2026-03-02 10:00', apply_deadline_end: '2026-03-01 10:00' },
        'apply_deadline_end',
      ],
      ['an unknown key (upstream rejects them)', { link_name: 'hijack' }, ''],
      ['a wrong type', { app_required: 'yes' }, 'app_required'],
    ])('refuses %s with a 400 naming the field, and changes nothing', async (_label, body, field) => {
      const before = (await as('GET', '/profile')).body;
      const res = await as('POST', '/profile', body);
      expect(res.status).toBe(400);
      expect(res.body.status).toBe('error');
      expect(res.body.data.map((entry: { field: string }) => entry.field)).toContain(field);
      expect((await as('GET', '/profile')).body).toEqual(before);
    });

    it('brings a deactivated club back with is_reactivating', async () => {
      await clubRepository(catalog.db).update(club.id, { reactivated: false });
      expect((await as('GET', '/profile')).body.reactivated).toBe(false);
      await as('POST', '/profile', { is_reactivating: true });
      const profile = (await as('GET', '/profile')).body;
      expect(profile.reactivated).toBe(true);
      expect(profile.reactivated_last).toMatch(OFFSET);
    });
  });

  describe('resources', () => {
    it('upstream §6.1 #9: adds, edits and removes, answering the whole list each time, with unique ids that never overflow', async () => {
      const long = 'Officer handbook and onboarding guide for new members of the club, volume one';
      expect(long.length).toBeGreaterThan(67);
      let res = await as('POST', '/resources', { name: long, link: 'https://example.org/handbook' });
      expect(res.status).toBe(200);
      res = await as('POST', '/resources', { name: long, link: 'drive.google.com/robots' });
      expect(res.body).toHaveLength(2);
      const [first, second] = res.body;
      expect(first.id).toMatch(UUID);
      expect(second.id).not.toBe(first.id);
      expect(second).toEqual({ id: second.id, name: long, link: 'https://drive.google.com/robots' });

      res = await as('PUT', `/resources/${first.id}`, { name: 'Handbook', link: null });
      expect(res.status).toBe(200);
      expect(res.body[0]).toEqual({ id: first.id, name: 'Handbook', link: 'https://example.org/handbook' });

      res = await as('DELETE', `/resources/${second.id}`);
      expect(res.body).toEqual([{ id: first.id, name: 'Handbook', link: 'https://example.org/handbook' }]);
      expect((await as('GET', '/resources')).body).toEqual(res.body);
      await eventually(
        () => clubUpdates().filter((event) => event.changed.includes('resources')).length >= 4,
      );
    });

    it('answers 404 for an unknown or malformed id, and 400 for bad fields', async () => {
      for (const id of [crypto.randomUUID(), 'not-a-uuid', "1' or '1'='1"]) {
        const put = await as('PUT', `/resources/${encodeURIComponent(id)}`, { name: 'x' });
        expect(put.status).toBe(404);
        expect(put.body.reason).toBe('Requested resource does not exist');
        expect((await as('DELETE', `/resources/${encodeURIComponent(id)}`)).status).toBe(404);
      }
      for (const body of [
        { name: 'x'.repeat(101), link: 'https://example.org' },
        { name: 'Evil', link: 'javascript:alert(document.cookie)' },
        { name: 'Evil', link: 'JaVaScRiPt:alert(1)' },
        { name: 'Evil', link: 'ftp://example.org/file' },
        { name: '', link: 'https://example.org' },
        { name: 'No link' },
      ]) {
        const res = await as('POST', '/resources', body);
        expect(res.status, JSON.stringify(body)).toBe(400);
      }
    });
  });

  describe('events', () => {
    it("takes the web client's event form (YYYY-MM-DD HH:MM in campus time) and answers offsets", async () => {
      const res = await as('POST', '/events', {
        name: 'Info session',
        link: '',
        event_start: '2026-09-03 18:00',
        event_end: '2026-09-03 19:30',
        description: 'Meet the team.',
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        {
          _cls: 'Event',
          id: expect.stringMatching(UUID),
          invite_only: false,
          name: 'Info session',
          link: '',
          links: [],
          location: '',
          event_start: '2026-09-03T18:00:00.000-07:00',
          event_end: '2026-09-03T19:30:00.000-07:00',
          description: 'Meet the team.',
          tags: [],
        },
      ]);
    });

    it('upstream §6.1 #10: PUT changes every field: links, location, tags, invite_only included (upstream refused them)', async () => {
      const [event] = (await as('GET', '/events')).body;
      const res = await as('PUT', `/events/${event.id}`, {
        links: ['https://zoom.us/j/1', 'calrobotics.org/rsvp'],
        location: 'Etcheverry 3106',
        tags: ['4', 0],
        invite_only: true,
        event_start: '2026-09-03T18:30:00-07:00',
      });
      expect(res.status).toBe(200);
      expect(res.body[0]).toMatchObject({
        id: event.id,
        name: 'Info session',
        links: ['https://zoom.us/j/1', 'https://calrobotics.org/rsvp'],
        location: 'Etcheverry 3106',
        tags: [4, 0],
        invite_only: true,
        event_start: '2026-09-03T18:30:00.000-07:00',
        event_end: '2026-09-03T19:30:00.000-07:00',
      });
    });

    it('refuses an end before the start, on create and on edit against the stored start', async () => {
      const create = await as('POST', '/events', {
        name: 'Backwards',
        event_start: '2026-09-03 18:00',
        event_end: '2026-09-03 17:00',
      });
      expect(create.status).toBe(400);
      expect(create.body.data[0].field).toBe('event_end');
      const [event] = (await as('GET', '/events')).body;
      const edit = await as('PUT', `/events/${event.id}`, { event_end: '2026-09-01 10:00' });
      expect(edit.status).toBe(400);
      expect((await as('GET', '/events')).body[0].event_end).toBe('2026-09-03T19:30:00.000-07:00');
    });

    it('refuses unknown tags, bad links, over-long fields; 404 for unknown ids; DELETE removes', async () => {
      const base = { name: 'Build night', event_start: '2026-09-10 18:00', event_end: '2026-09-10 21:00' };
      for (const extra of [
        { tags: [999] },
        { tags: ['robots'] },
        { links: ['javascript:alert(1)'] },
        { link: 'vbscript:msgbox' },
        { name: 'n'.repeat(101) },
        { description: 'd'.repeat(501) },
        { location: 'l'.repeat(1001) },
        { event_start: 'soon' },
      ]) {
        const res = await as('POST', '/events', { ...base, ...extra });
        expect(res.status, JSON.stringify(extra)).toBe(400);
      }
      expect((await as('PUT', `/events/${crypto.randomUUID()}`, { name: 'x' })).body.reason).toBe(
        'Requested event does not exist',
      );
      const added = (await as('POST', '/events', base)).body;
      expect(added).toHaveLength(2);
      const res = await as('DELETE', `/events/${added[1].id}`);
      expect(res.body.map((event: { name: string }) => event.name)).toEqual(['Info session']);
      expect((await as('DELETE', `/events/${added[1].id}`)).status).toBe(404);
    });
  });

  describe('recruiting events', () => {
    it("takes the web client's body (null links, naive ISO dates) and edits, clears and deletes", async () => {
      const res = await as('POST', '/recruiting-events', {
        name: 'Coffee chat',
        link: null,
        virtual_link: null,
        event_start: '2026-01-10T10:00:00',
        event_end: '2026-01-10T11:00:00',
        description: 'Ask us anything',
        invite_only: false,
      });
      expect(res.status).toBe(200);
      const [event] = res.body;
      expect(event).toMatchObject({
        _cls: 'Event.RecruitingEvent',
        name: 'Coffee chat',
        link: null,
        virtual_link: null,
        invite_only: false,
        event_start: '2026-01-10T10:00:00.000-08:00',
      });
      let edit = await as('PUT', `/recruiting-events/${event.id}`, {
        virtual_link: 'meet.google.com/abc',
        invite_only: true,
      });
      expect(edit.body[0]).toMatchObject({ virtual_link: 'https://meet.google.com/abc', invite_only: true });
      edit = await as('PUT', `/recruiting-events/${event.id}`, { virtual_link: null });
      expect(edit.body[0].virtual_link).toBeNull();
      expect(
        (await as('PUT', `/recruiting-events/${event.id}`, { description: 'x'.repeat(201) })).status,
      ).toBe(400);
      expect(
        (
          await as('POST', '/recruiting-events', {
            name: 'No invite flag',
            event_start: '2026-01-10',
            event_end: '2026-01-10',
          })
        ).status,
      ).toBe(400);
      expect((await as('DELETE', `/recruiting-events/${crypto.randomUUID()}`)).body.reason).toBe(
        'Requested recruiting event does not exist',
      );
      expect((await as('DELETE', `/recruiting-events/${event.id}`)).body).toEqual([]);
      // recruiting events and events are separate lists
      expect((await as('GET', '/events')).body).toHaveLength(1);
    });
  });

  describe('FAQ', () => {
    it('adds, edits (new: upstream had no PUT), deletes; limits are 400s, not 500s', async () => {
      let res = await as('POST', '/faq', { question: 'Do I need experience?', answer: 'No.' });
      expect(res.status).toBe(200);
      const [question] = res.body;
      expect(question).toEqual({
        id: expect.stringMatching(UUID),
        question: 'Do I need experience?',
        answer: 'No.',
      });
      res = await as('PUT', `/faq/${question.id}`, { answer: 'No, we teach everything.' });
      expect(res.body).toEqual([{ ...question, answer: 'No, we teach everything.' }]);
      expect((await as('POST', '/faq', { question: 'q'.repeat(201), answer: 'a' })).status).toBe(400);
      expect((await as('POST', '/faq', { question: 'q', answer: 'a'.repeat(501) })).status).toBe(400);
      expect((await as('POST', '/faq', { question: 'Only a question' })).status).toBe(400);
      expect((await as('DELETE', `/faq/${crypto.randomUUID()}`)).body.reason).toBe(
        'Requested question does not exist',
      );
      expect((await as('DELETE', `/faq/${question.id}`)).body).toEqual([]);
      await eventually(() => clubUpdates().some((event) => event.changed.includes('faq')));
    });
  });

  describe('list bounds', () => {
    it('refuses a 101st FAQ question with 409 until one is removed', async () => {
      const faq = clubFaqRepository(catalog.db);
      const existing = (await as('GET', '/faq')).body.length;
      await faq.addMany(
        club.id,
        Array.from({ length: 99 - existing }, (_, i) => ({ question: `Question ${i}?`, answer: 'Yes.' })),
      );
      const hundredth = await as('POST', '/faq', { question: 'The hundredth?', answer: 'Yes.' });
      expect(hundredth.status).toBe(200);
      expect(hundredth.body).toHaveLength(100);
      const full = await as('POST', '/faq', { question: 'One more?', answer: 'No.' });
      expect(full.status).toBe(409);
      expect(full.body).toMatchObject({
        status: 'error',
        reason: 'A club can have at most 100 faq',
        data: { limit: 100 },
      });
      await as('DELETE', `/faq/${hundredth.body[0].id}`);
      expect((await as('POST', '/faq', { question: 'One more?', answer: 'Now yes.' })).status).toBe(200);
      for (const question of await faq.list(club.id)) await faq.remove(club.id, question.id);
    });
  });

  describe('edits and their events', () => {
    it('keeps every one of many concurrent additions, each with its own id', async () => {
      const names = Array.from({ length: 12 }, (_, i) => `Concurrent link ${i}`);
      const answers = await Promise.all(
        names.map((name) => as('POST', '/resources', { name, link: 'https://example.org/c' })),
      );
      expect(answers.map((res) => res.status)).toEqual(names.map(() => 200));
      const list = (await as('GET', '/resources')).body as { id: string; name: string }[];
      const added = list.filter((resource) => names.includes(resource.name));
      expect(added.map((resource) => resource.name).sort()).toEqual([...names].sort());
      expect(new Set(list.map((resource) => resource.id)).size).toBe(list.length);
      for (const resource of added) await as('DELETE', `/resources/${resource.id}`);
    });

    it('publishes nothing for an edit that changes nothing, and names the list an item edit changed', async () => {
      const profile = (await as('GET', '/profile')).body;
      const seen = clubUpdates().length;
      expect((await as('POST', '/profile', { about_us: profile.about_us, tags: profile.tags })).status).toBe(
        200,
      );
      const [event] = (await as('GET', '/events')).body;
      expect((await as('PUT', `/events/${event.id}`, { name: event.name })).status).toBe(200);
      expect((await as('PUT', `/events/${event.id}`, { description: 'Meet the whole team.' })).status).toBe(
        200,
      );
      const mine = await eventually(() => {
        const updates = clubUpdates()
          .slice(seen)
          .filter((update) => update.clubId === club.id);
        return updates.length > 0 ? updates : undefined;
      });
      expect(mine).toHaveLength(1);
      expect(mine[0]!.changed).toEqual(['events']);
      expect((await as('GET', '/profile')).body.last_updated >= profile.last_updated).toBe(true);
    });
  });

  describe('one club per officer', () => {
    it("cannot touch another club's items by id: 404, and their list is unchanged", async () => {
      const theirs = (await as('POST', '/faq', { question: 'Do you play blitz?', answer: 'Yes' }, otherToken))
        .body;
      const id = theirs[0].id;
      expect((await as('PUT', `/faq/${id}`, { answer: 'hacked' })).status).toBe(404);
      expect((await as('DELETE', `/faq/${id}`)).status).toBe(404);
      expect((await as('GET', '/faq', undefined, otherToken)).body).toEqual(theirs);
      expect((await as('GET', '/profile', undefined, otherToken)).body.name).toBe(other.name);
    });
  });

  describe("the token's club claim", () => {
    it('lets an account auth names as the club’s edit it; the claim comes before the owned club; an unknown claim is a 404', async () => {
      const coOfficer = await catalog.auth.token('officer', { club: other.id });
      expect((await as('GET', '/profile', undefined, coOfficer)).body.name).toBe(other.name);
      const added = await as(
        'POST',
        '/resources',
        { name: 'Openings', link: 'https://chess.example.org' },
        coOfficer,
      );
      expect(added.status).toBe(200);
      expect((await as('GET', '/resources', undefined, otherToken)).body).toEqual(added.body);

      // An owner acting for another club it runs (switch-club) edits that one, not the one it owns.
      const owner = await catalog.auth.token('officer', { sub: officerId, club: other.id });
      expect((await as('GET', '/profile', undefined, owner)).body.link_name).toBe(other.linkName);
      for (const club of [crypto.randomUUID(), 'not-a-uuid']) {
        const stranger = await catalog.auth.token('officer', { club });
        expect((await as('GET', '/profile', undefined, stranger)).status).toBe(404);
      }
    });
  });

  describe('hostile input', () => {
    const hostile: [string, string][] = [
      ['malformed JSON', '{"name": "x",'],
      ['an array', '[1,2,3]'],
      ['null', 'null'],
      ['a number', '42'],
      ['a string', '"hello"'],
      [
        'wrong types',
        JSON.stringify({ name: 42, tags: 'all', link: ['x'], question: {}, caption: false, event_start: 1 }),
      ],
      [
        'injection strings',
        JSON.stringify({
          name: "'; drop table catalog.clubs; --",
          question: "' or 1=1 --",
          answer: '<script>alert(1)</script>',
          link: "https://x.org/'--",
        }),
      ],
      ['operators', JSON.stringify({ name: { $ne: null }, about_us: { $gt: '' } })],
      ['prototype pollution', '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}'],
      [
        'unicode',
        JSON.stringify({
          name: '\u0000\u202e𝕽𝖔𝖇𝖔𝖙𝖘',
          about_us: '🤖'.repeat(1000),
          question: '\ud800',
          answer: 'x',
        }),
      ],
      [
        'huge strings',
        JSON.stringify({
          name: 'x'.repeat(200_000),
          about_us: 'y'.repeat(200_000),
          link: `https://${'a'.repeat(5000)}.org`,
        }),
      ],
      ['NUL characters', JSON.stringify({ about_us: 'a\u0000b' })],
      [
        'NUL in every text field',
        JSON.stringify({
          name: 'a\u0000',
          question: 'q\u0000',
          answer: 'a\u0000',
          caption: 'c\u0000',
          location: 'l\u0000',
          description: 'd\u0000',
        }),
      ],
      [
        'bad dates',
        JSON.stringify({
          name: 'x',
          event_start: '9999-99-99 99:99',
          event_end: '0000-00-00',
          invite_only: true,
        }),
      ],
    ];
    const writes: [string, string][] = [
      ['POST', '/profile'],
      ['POST', '/resources'],
      ['PUT', '/resources/{id}'],
      ['POST', '/events'],
      ['PUT', '/events/{id}'],
      ['POST', '/recruiting-events'],
      ['PUT', '/recruiting-events/{id}'],
      ['POST', '/faq'],
      ['PUT', '/faq/{id}'],
    ];

    it.each(writes)(
      '%s %s answers every hostile body with a JSON 4xx and stores nothing',
      async (method, path) => {
        const seeded = {
          resources: (await as('POST', '/resources', { name: 'Fuzz target', link: 'https://example.org' }))
            .body,
          events: (
            await as('POST', '/events', {
              name: 'Fuzz',
              event_start: '2026-10-01 10:00',
              event_end: '2026-10-01 11:00',
            })
          ).body,
          'recruiting-events': (
            await as('POST', '/recruiting-events', {
              name: 'Fuzz',
              invite_only: false,
              event_start: '2026-10-01 10:00',
              event_end: '2026-10-01 11:00',
            })
          ).body,
          faq: (await as('POST', '/faq', { question: 'Fuzz?', answer: 'Fuzz.' })).body,
        };
        const list = path.split('/')[1] as keyof typeof seeded;
        const id = list in seeded ? seeded[list].at(-1).id : crypto.randomUUID();
        const before = (await as('GET', '/profile')).body;
        for (const [label, body] of hostile) {
          const res = await send(admin(path.replace('{id}', id)), { method, body, token });
          expect(res.status, label).toBeGreaterThanOrEqual(400);
          expect(res.status, label).toBeLessThan(500);
          expect(res.body.status, label).toBe('error');
        }
        expect((await as('GET', '/profile')).body).toEqual(before);
        expect(({} as Record<string, unknown>).admin).toBeUndefined();
      },
    );

    it('refuses NUL characters in otherwise valid bodies with a 400 (PostgreSQL text cannot hold them)', async () => {
      const when = { event_start: '2026-10-01 10:00', event_end: '2026-10-01 11:00' };
      for (const [path, body] of [
        ['/profile', { get_involved: 'x\u0000' }],
        ['/resources', { name: 'r\u0000', link: 'https://example.org' }],
        ['/events', { name: 'e', location: 'l\u0000', ...when }],
        ['/events', { name: 'e', description: 'd\u0000', ...when }],
        ['/recruiting-events', { name: 'r\u0000', invite_only: false, ...when }],
        ['/faq', { question: 'q\u0000', answer: 'a' }],
      ] as const) {
        const res = await as('POST', path, body);
        expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      }
    });

    it('answers hostile path ids and query strings with 4xx', async () => {
      for (const id of [
        '%00',
        '..%2F..%2Fetc%2Fpasswd',
        'x'.repeat(5000),
        '%E0%A4%A',
        "'--",
        '%F0%9F%94%91',
      ]) {
        for (const path of [`/resources/${id}`, `/events/${id}?x[$ne]=1`, `/faq/${id}`]) {
          const res = await send(admin(path), { method: 'PUT', body: { name: 'x' }, token });
          expect(res.status, path.slice(0, 40)).toBeGreaterThanOrEqual(400);
          expect(res.status, path.slice(0, 40)).toBeLessThan(500);
        }
      }
    });
  });
});
