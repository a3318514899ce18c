import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clubFaqRepository } from '../src/data-access/club-faq-repository.js';
import { clubGalleryRepository } from '../src/data-access/club-gallery-repository.js';
import type { Club } from '../src/data-access/club-repository.js';
import { clubResourceRepository } from '../src/data-access/club-resource-repository.js';
import { studentProfileRepository } from '../src/data-access/student-profile-repository.js';
import { updateClub } from '../src/domain/profile/update-club.js';
import { type CatalogHarness, type CatalogStorage, call, startCatalogHarness } from './catalog-harness.js';

describe.each<CatalogStorage>(['embedded', 'postgres'])(
  'GET /api/catalog/organizations/:link_name (%s)',
  (storage) => {
    let catalog: CatalogHarness;
    let robotics: Club;
    let alike: Club[];
    beforeAll(async () => {
      catalog = await startCatalogHarness({}, storage);
      robotics = await catalog.addClub({
        name: 'Robotics',
        linkName: 'robotics',
        tags: [1, 2, 3],
        aboutUs: 'We build robots.',
        socialMediaLinks: { contact_email: 'bots@berkeley.edu', instagram: 'https://instagram.com/bots' },
        applyDeadlineEnd: new Date('2026-01-15T20:00:00Z'),
      });
      alike = await catalog.addClubs([
        { name: 'Shares three', linkName: 'shares-three', tags: [1, 2, 3] },
        { name: 'Shares two', linkName: 'shares-two', tags: [2, 3, 9] },
        { name: 'Shares one', linkName: 'shares-one', tags: [3] },
        { name: 'Shares none', linkName: 'shares-none', tags: [8] },
        { name: 'Hidden twin', linkName: 'hidden-twin', tags: [1, 2, 3], confirmed: false },
      ]);
      await catalog.addEvents(robotics.id, 'event', [
        {
          name: 'Demo day',
          description: 'Come see',
          links: ['https://bots.example.org'],
          location: 'Cory Hall',
          tags: [1],
          eventStart: new Date('2026-03-01T18:00:00Z'),
          eventEnd: new Date('2026-03-01T20:00:00Z'),
        },
      ]);
      await catalog.addEvents(robotics.id, 'recruiting', [
        {
          name: 'Info session',
          inviteOnly: true,
          virtualLink: 'https://zoom.example.org/j/1',
          eventStart: new Date('2026-02-01T18:00:00Z'),
          eventEnd: new Date('2026-02-01T19:00:00Z'),
        },
      ]);
      await clubResourceRepository(catalog.db).add(robotics.id, {
        name: 'Handbook',
        link: 'https://bots.example.org/h',
      });
      await clubFaqRepository(catalog.db).add(robotics.id, {
        question: 'Experience?',
        answer: 'None needed.',
      });
      await clubGalleryRepository(catalog.db).add(robotics.id, {
        url: 'https://cdn.example.org/g.png',
        caption: 'Us',
      });
    }, 60_000);
    beforeEach(() => catalog.recommender.set('failing'));
    afterAll(() => catalog?.close());

    it("answers upstream's full club document, without the owner's email", async () => {
      catalog.recommender.set({ answer: { similar: [{ link_name: 'shares-two', score: 0.9 }] } });
      const { status, body } = await call(catalog.url('/api/catalog/organizations/robotics'));
      expect(status).toBe(200);
      expect(body).toMatchObject({
        name: 'Robotics',
        link_name: 'robotics',
        tags: [1, 2, 3],
        about_us: 'We build robots.',
        get_involved: '',
        apply_link: null,
        apply_deadline_start: null,
        apply_deadline_end: '2026-01-15T12:00:00.000-08:00',
        social_media_links: { contact_email: 'bots@berkeley.edu', instagram: 'https://instagram.com/bots' },
        reactivated: true,
        resources: [{ name: 'Handbook', link: 'https://bots.example.org/h' }],
        faq: [{ question: 'Experience?', answer: 'None needed.' }],
        gallery_media: [
          { _cls: 'GalleryMedia.GalleryPic', type: 'picture', url: 'https://cdn.example.org/g.png' },
        ],
        events: [
          {
            name: 'Demo day',
            link: '',
            links: ['https://bots.example.org'],
            location: 'Cory Hall',
            tags: [1],
            invite_only: false,
            event_start: '2026-03-01T10:00:00.000-08:00',
            event_end: '2026-03-01T12:00:00.000-08:00',
          },
        ],
        recruiting_events: [
          {
            _cls: 'Event.RecruitingEvent',
            name: 'Info session',
            invite_only: true,
            virtual_link: 'https://zoom.example.org/j/1',
          },
        ],
      });
      expect(body.events[0]).not.toHaveProperty('_cls');
      expect(body.events[0].id).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof body.last_updated).toBe('string');
      expect(JSON.stringify(body)).not.toContain('owner');
    });

    it('lists similar clubs in the recommender’s order, visible ones only, itself excluded', async () => {
      catalog.recommender.set({
        answer: {
          similar: ['robotics', 'hidden-twin', 'shares-one', 'shares-none', 'shares-three'].map(
            (link_name) => ({
              link_name,
            }),
          ),
        },
      });
      const { body } = await call(catalog.url('/api/catalog/organizations/robotics'));
      expect(body.recommended_clubs.map((club: { link_name: string }) => club.link_name)).toEqual([
        'shares-one',
        'shares-none',
        'shares-three',
      ]);
      expect(Object.keys(body.recommended_clubs[0]).sort()).toEqual([
        'about_us',
        'link_name',
        'logo_url',
        'name',
      ]);
    });

    it('completes a short answer of the recommender with clubs sharing the most tags', async () => {
      catalog.recommender.set({
        answer: { similar: [{ link_name: 'shares-none' }, { link_name: 'hidden-twin' }] },
      });
      const { body } = await call(catalog.url('/api/catalog/organizations/robotics'));
      expect(body.recommended_clubs.map((club: { link_name: string }) => club.link_name)).toEqual([
        'shares-none',
        'shares-three',
        'shares-two',
      ]);
    });

    it('falls back to visible clubs sharing the most tags when the recommender fails', async () => {
      const { status, body } = await call(catalog.url('/api/catalog/organizations/robotics'));
      expect(status).toBe(200);
      expect(body.recommended_clubs.map((club: { link_name: string }) => club.link_name)).toEqual([
        'shares-three',
        'shares-two',
        'shares-one',
      ]);
    });

    it('answers within its bound when the recommender hangs, then stops asking it (circuit open)', async () => {
      catalog.recommender.set('hanging');
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        const { status, body } = await call(catalog.url('/api/catalog/organizations/robotics'));
        expect(status).toBe(200);
        expect(body.recommended_clubs).toHaveLength(3);
        // Far below the hang (forever) and below the internal client's default 2 s timeout with retries.
        expect(Date.now() - started).toBeLessThan(1_800);
      }
      const asked = catalog.recommender.requests.length;
      const started = Date.now();
      const { body } = await call(catalog.url('/api/catalog/organizations/robotics'));
      expect(body.recommended_clubs[0].link_name).toBe('shares-three');
      // Open circuit: the recommender is not even asked, so not even its 200 ms timeout is spent.
      expect(catalog.recommender.requests.length).toBe(asked);
      expect(Date.now() - started).toBeLessThan(1_000);
    });

    it('answers 404 with the envelope for unknown and hidden clubs', async () => {
      for (const name of ['nope', 'hidden-twin', 'x'.repeat(120)]) {
        const { status, body } = await call(catalog.url(`/api/catalog/organizations/${name}`));
        expect(status).toBe(404);
        expect(body).toEqual({ status: 'error', reason: 'The requested club does not exist!', data: null });
      }
      expect((await call(catalog.url(`/api/catalog/organizations/${'x'.repeat(121)}`))).status).toBe(400);
    });

    it('redirects a former link name to the renamed club, and the name is free for nobody else', async () => {
      const club = await catalog.addClub({ name: 'Chess Club', linkName: 'chess-club', tags: [4] });
      const renamed = await updateClub(catalog.service.context, club.id, { name: 'Chess & Go Club' });
      expect(renamed.linkName).toBe('chess-and-go-club');
      const moved = await call(catalog.url('/api/catalog/organizations/chess-club'));
      expect(moved.status).toBe(301);
      expect(moved.headers.get('location')).toBe('/api/catalog/organizations/chess-and-go-club');
      expect((await call(catalog.url('/api/catalog/organizations/chess-and-go-club'))).body.name).toBe(
        'Chess & Go Club',
      );
      const feed = await call(catalog.url('/api/catalog/organizations/chess-club/events.ics'));
      expect(feed.status).toBe(301);
      expect(feed.headers.get('location')).toBe('/api/catalog/organizations/chess-and-go-club/events.ics');
      const updated = catalog.published<{ changed: string[]; previousLinkName?: string }>('ClubUpdated', 1);
      expect(updated.at(-1)).toMatchObject({
        changed: ['name', 'link_name'],
        previousLinkName: 'chess-club',
      });
    });

    it('records a signed-in student’s visit, and rejects a bad token with 401', async () => {
      const studentId = crypto.randomUUID();
      const token = await catalog.auth.token('student', { sub: studentId, email: 'oski@berkeley.edu' });
      expect((await call(catalog.url('/api/catalog/organizations/robotics'), { token })).status).toBe(200);
      const visited = await eventually(async () => {
        const clubs = await studentProfileRepository(catalog.db).visitedClubs(studentId);
        return clubs.length > 0 ? clubs : undefined;
      });
      expect(visited.map((club) => club.linkName)).toEqual(['robotics']);

      const expired = await catalog.auth.token('student', { expiresIn: '-1m' });
      const rejected = await call(catalog.url('/api/catalog/organizations/robotics'), { token: expired });
      expect(rejected.status).toBe(401);
      expect(rejected.body.status).toBe('error');
      // A header that is not a bearer token is no token at all (upstream ignored it too).
      const basic = await call(catalog.url('/api/catalog/organizations/robotics'), {
        headers: { authorization: 'Basic abc' },
      });
      expect(basic.status).toBe(200);
    });

    it('serves the club’s events as an RFC 5545 feed', async () => {
      const { status, body, headers } = await call(
        catalog.url('/api/catalog/organizations/robotics/events.ics'),
      );
      expect(status).toBe(200);
      expect(headers.get('content-type')).toMatch(/^text\/calendar/);
      expect(body).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
      expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(body.split('\r\n').filter((line: string) => line === 'BEGIN:VEVENT')).toHaveLength(2);
      // Recruiting event first: it starts earlier.
      expect(body).toMatch(
        /SUMMARY:Info session\r\n(.*\r\n)*?END:VEVENT\r\nBEGIN:VEVENT\r\n(.*\r\n)*?SUMMARY:Demo day/,
      );
      expect(body).toContain('DTSTART:20260301T180000Z\r\nDTEND:20260301T200000Z');
      expect(body).toContain('LOCATION:Cory Hall');
      expect(body).toContain('CATEGORIES:Recruiting');
      expect((await call(catalog.url('/api/catalog/organizations/hidden-twin/events.ics'))).status).toBe(404);
      expect(alike).toHaveLength(5);
    });
  },
);
