import { eventually, fetchJson as send } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Club, clubRepository } from '../src/data-access/club-repository.js';
import { studentProfileRepository } from '../src/data-access/student-profile-repository.js';
import { type CatalogHarness, type CatalogStorage, startCatalogHarness } from './catalog-harness.js';

const names = (clubs: { link_name: string }[]) => clubs.map((club) => club.link_name);

describe.each<CatalogStorage>(['embedded', 'postgres'])('student API (/api/student) (%s)', (storage) => {
  let catalog: CatalogHarness;
  let token: string;
  let robotics: Club;
  let chess: Club;
  let debate: Club;
  let hidden: Club;
  const studentId = crypto.randomUUID();
  const student = (path: string) => catalog.url(`/api/student${path}`);
  const as = (method: string, path: string, body?: unknown, bearer = token) =>
    send(student(path), { method, body, token: bearer });

  beforeAll(async () => {
    catalog = await startCatalogHarness({}, storage);
    [robotics, chess, debate] = (await catalog.addClubs([
      { name: 'Cal Robotics', tags: [4], logoUrl: 'https://cdn.example.org/robotics.png' },
      { name: 'Chess Club', tags: [0] },
      { name: 'Debate Society', tags: [0, 11] },
    ])) as [Club, Club, Club];
    hidden = await catalog.addClub({ name: 'Secret Society', confirmed: false });
    await catalog.addEvents(robotics.id, 'event', [
      {
        name: 'Build night',
        eventStart: new Date('2026-09-10T01:00:00Z'),
        eventEnd: new Date('2026-09-10T04:00:00Z'),
      },
    ]);
    await catalog.addEvents(robotics.id, 'recruiting', [
      {
        name: 'Coffee chat',
        eventStart: new Date('2026-09-01T17:00:00Z'),
        eventEnd: new Date('2026-09-01T18:00:00Z'),
      },
    ]);
    token = await catalog.auth.token('student', { sub: studentId, email: 'oski@berkeley.edu' });
  });
  afterAll(() => catalog?.close());

  describe('lookups (public, as upstream)', () => {
    it.each([
      ['majors', 'major'],
      ['minors', 'minor'],
      ['years', 'year'],
    ])('GET /%s answers [{id, %s}] with ids 0..n-1, without a token', async (path, key) => {
      const res = await send(student(`/${path}`));
      expect(res.status).toBe(200);
      expect(res.body.length).toBeGreaterThan(3);
      res.body.forEach((row: Record<string, unknown>, index: number) => {
        expect(row).toEqual({ id: index, [key]: expect.any(String) });
      });
    });
  });

  describe('who may call it', () => {
    const routes: [string, string][] = [
      ['GET', '/profile'],
      ['POST', '/profile'],
      ['GET', '/favorite-clubs'],
      ['POST', '/favorite-clubs'],
      ['DELETE', '/favorite-clubs'],
      ['GET', '/club-board'],
      ['PUT', '/club-board'],
    ];
    it.each(routes)('%s %s needs a confirmed student (401 otherwise, as upstream)', async (method, path) => {
      const body = method === 'GET' ? undefined : { clubs: [chess.linkName] };
      expect((await send(student(path), { method, body })).status).toBe(401);
      for (const role of ['officer', 'admin', 'member'] as const) {
        const res = await send(student(path), { method, body, token: await catalog.auth.token(role) });
        expect(res.status).toBe(401);
        expect(res.body.reason).toBe('You are not allowed to access this endpoint!');
      }
      const unconfirmed = await catalog.auth.token('student', { confirmed: false });
      expect((await send(student(path), { method, body, token: unconfirmed })).status).toBe(401);
      const expired = await catalog.auth.token('student', { expiresIn: '-1m' });
      const res = await send(student(path), { method, body, token: expired });
      expect(res.status).toBe(401);
      expect(res.body.reason).toBe('Token has expired');
    });
  });

  describe('profile', () => {
    it('is created on first use, in upstream shape', async () => {
      const res = await as('GET', '/profile');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        email: 'oski@berkeley.edu',
        majors: [],
        minors: [],
        interests: [],
        year: null,
        favorited_clubs: [],
        club_board: { interested_clubs: [], applied_clubs: [], interviewed_clubs: [] },
        visited_clubs: [],
      });
      expect(res.body.recommended_clubs).toHaveLength(3);
      expect(names(res.body.recommended_clubs)).not.toContain(hidden.linkName);
    });

    it('upstream §6.1 #3: edits only the keys sent (upstream crashed on a partial body) and answers the profile', async () => {
      let res = await as('POST', '/profile', { majors: [18, 20], interests: [0] });
      expect(res.status).toBe(200);
      expect(res.body.majors).toEqual([
        { id: 18, major: expect.any(String) },
        { id: 20, major: expect.any(String) },
      ]);
      expect(res.body.interests).toEqual([{ id: 0, name: expect.any(String) }]);
      res = await as('POST', '/profile', { minors: [1], year: 2, full_name: 'Oski Bear' });
      expect(res.body).toMatchObject({
        full_name: 'Oski Bear',
        majors: [{ id: 18 }, { id: 20 }],
        minors: [{ id: 1, minor: expect.any(String) }],
        year: { id: 2, year: expect.any(String) },
      });
      // interests drive the recommendations: clubs tagged 0 first
      expect(names(res.body.recommended_clubs).slice(0, 2).sort()).toEqual(
        [chess.linkName, debate.linkName].sort(),
      );
      res = await as('POST', '/profile', { minors: [] });
      expect(res.body.minors).toEqual([]);
    });

    it.each([
      ['four majors', { majors: [1, 2, 3, 4] }, 'majors'],
      ['an unknown major', { majors: [9999] }, 'majors'],
      ['an unknown interest', { interests: [9999] }, 'interests'],
      ['an unknown year', { year: 999 }, 'year'],
      ['a wrong type', { majors: 'all' }, 'majors'],
      ['an unknown key', { favorited_clubs: ['x'] }, ''],
    ])('refuses %s with a 400 naming the field, and changes nothing', async (_label, body, field) => {
      const before = (await as('GET', '/profile')).body;
      const res = await as('POST', '/profile', body);
      expect(res.status).toBe(400);
      expect(res.body.data.map((entry: { field: string }) => entry.field)).toContain(field);
      expect((await as('GET', '/profile')).body).toEqual(before);
    });
  });

  describe('favourite clubs', () => {
    it('appends in order, skips duplicates, and answers clubs with their events', async () => {
      let res = await as('POST', '/favorite-clubs', {
        clubs: [robotics.linkName, chess.linkName, robotics.linkName],
      });
      expect(res.status).toBe(200);
      expect(names(res.body)).toEqual([robotics.linkName, chess.linkName]);
      res = await as('POST', '/favorite-clubs', { clubs: [debate.linkName, chess.linkName] });
      expect(names(res.body)).toEqual([robotics.linkName, chess.linkName, debate.linkName]);
      expect(res.body[0]).toEqual({
        name: 'Cal Robotics',
        link_name: robotics.linkName,
        logo_url: 'https://cdn.example.org/robotics.png',
        events: [
          expect.objectContaining({ name: 'Build night', event_start: '2026-09-09T18:00:00.000-07:00' }),
        ],
        recruiting_events: [expect.objectContaining({ _cls: 'Event.RecruitingEvent', name: 'Coffee chat' })],
      });
      expect(res.body[0].events[0]._cls).toBeUndefined();
      const profile = (await as('GET', '/profile')).body;
      expect(names(profile.favorited_clubs)).toEqual([robotics.linkName, chess.linkName, debate.linkName]);
      expect(names(profile.recommended_clubs)).not.toContain(chess.linkName);
    });

    it('answers 404 for an unknown or hidden club, naming it, and adds nothing', async () => {
      for (const missing of ['no-such-club', hidden.linkName]) {
        const res = await as('POST', '/favorite-clubs', { clubs: [missing, robotics.linkName] });
        expect(res.status).toBe(404);
        expect(res.body.data).toEqual({ clubs: [missing] });
      }
      expect(names((await as('GET', '/favorite-clubs')).body)).toEqual([
        robotics.linkName,
        chess.linkName,
        debate.linkName,
      ]);
    });

    it('upstream §6.1 #17: removes adjacent clubs alike (upstream skipped one while iterating)', async () => {
      const res = await as('DELETE', '/favorite-clubs', { clubs: [robotics.linkName, chess.linkName] });
      expect(res.status).toBe(200);
      expect(names(res.body)).toEqual([debate.linkName]);
      expect((await as('DELETE', '/favorite-clubs', { clubs: ['no-such-club'] })).status).toBe(404);
      expect((await as('DELETE', '/favorite-clubs', { clubs: [] })).status).toBe(400);
    });

    it('finds a renamed club by its former link name', async () => {
      const clubs = clubRepository(catalog.db);
      await clubs.recordRename(chess.id, chess.linkName, 'cal-chess');
      await clubs.update(chess.id, { linkName: 'cal-chess' });
      const res = await as('POST', '/favorite-clubs', { clubs: [chess.linkName] });
      expect(res.status).toBe(200);
      expect(names(res.body)).toEqual([debate.linkName, 'cal-chess']);
      chess = { ...chess, linkName: 'cal-chess' };
    });
  });

  describe('club board', () => {
    it('upstream §6.1 #3: replaces the columns sent, keeps the others, and allows empty ones (upstream refused them)', async () => {
      let res = await as('PUT', '/club-board', {
        interested_clubs: [robotics.linkName, debate.linkName],
        applied_clubs: [chess.linkName],
        interviewed_clubs: [],
      });
      expect(res.status).toBe(200);
      expect(names(res.body.interested_clubs)).toEqual([robotics.linkName, debate.linkName]);
      expect(names(res.body.applied_clubs)).toEqual([chess.linkName]);
      expect(res.body.interviewed_clubs).toEqual([]);
      expect(res.body.interested_clubs[0].logo_url).toBe('https://cdn.example.org/robotics.png');

      res = await as('PUT', '/club-board', { applied_clubs: [], interviewed_clubs: [chess.linkName] });
      expect(names(res.body.interested_clubs)).toEqual([robotics.linkName, debate.linkName]);
      expect(res.body.applied_clubs).toEqual([]);
      expect(names(res.body.interviewed_clubs)).toEqual([chess.linkName]);
      expect((await as('GET', '/club-board')).body).toEqual(res.body);
      expect((await as('GET', '/profile')).body.club_board).toEqual(res.body);
    });

    it('answers 404 for an unknown club and leaves the board as it was', async () => {
      const before = (await as('GET', '/club-board')).body;
      const res = await as('PUT', '/club-board', { interested_clubs: ['nope'], applied_clubs: [] });
      expect(res.status).toBe(404);
      expect((await as('GET', '/club-board')).body).toEqual(before);
    });
  });

  describe('StudentProfileUpdated', () => {
    type Update = { userId: string; changed: string[]; interests: number[]; favoriteClubIds: string[] };
    const updates = () =>
      catalog.published<Update>('StudentProfileUpdated').filter((u) => u.userId === studentId);

    it('tells the recommender what changed with the whole current state; a no-op or a name tells nothing', async () => {
      const seen = updates().length;
      const profile = (await as('GET', '/profile')).body;
      const same = profile.interests.map((tag: { id: number }) => tag.id);
      expect((await as('POST', '/profile', { interests: same, full_name: 'Oski B.' })).status).toBe(200);
      expect((await as('POST', '/profile', { interests: [...same, 4] })).status).toBe(200);
      expect((await as('POST', '/favorite-clubs', { clubs: [robotics.linkName] })).status).toBe(200);
      const [interests, favorites] = await eventually(() => {
        const recent = updates().slice(seen);
        return recent.length >= 2 ? recent : undefined;
      });
      expect(interests).toMatchObject({ changed: ['interests'], interests: [...same, 4] });
      expect(favorites!.changed).toEqual(['favorite_clubs']);
      expect(favorites!.favoriteClubIds.at(-1)).toBe(robotics.id);
      // favouriting a club again changes nothing, and announces nothing
      await as('POST', '/favorite-clubs', { clubs: [robotics.linkName] });
      await as('POST', '/profile', { year: 3 });
      const after = await eventually(() => {
        const recent = updates().slice(seen);
        return recent.length >= 3 ? recent : undefined;
      });
      expect(after).toHaveLength(3);
      expect(after[2]!.changed).toEqual(['year']);
    });
  });

  describe('visited clubs', () => {
    it('keeps only the 50 most recent, most recent first', async () => {
      const many = await catalog.addClubs(Array.from({ length: 55 }, (_, i) => ({ name: `Visited ${i}` })));
      const students = studentProfileRepository(catalog.db);
      for (const club of many) await students.recordVisit(studentId, club.id);
      const visited = (await as('GET', '/profile')).body.visited_clubs;
      expect(visited).toHaveLength(50);
      expect(visited[0]).toBe(many[54]!.linkName);
      expect(visited).not.toContain(many[0]!.linkName);
    });
  });

  describe('hostile input', () => {
    const hostile = [
      '{"clubs": [',
      '[1,2,3]',
      'null',
      '42',
      JSON.stringify({ clubs: 'all', majors: 'x', interested_clubs: {} }),
      JSON.stringify({ clubs: ["' or 1=1 --"], majors: [{ $gt: 0 }] }),
      JSON.stringify({ clubs: [{ $ne: null }] }),
      '{"__proto__": {"admin": true}}',
      JSON.stringify({ clubs: ['a\u0000b'], full_name: 'x\u0000', interested_clubs: ['\u0000'] }),
      JSON.stringify({ clubs: ['x'.repeat(100_000)], full_name: 'y'.repeat(100_000) }),
      JSON.stringify({ clubs: Array.from({ length: 5000 }, (_, i) => `club-${i}`) }),
      JSON.stringify({ majors: [-1], minors: [1.5], interests: [Number.MAX_SAFE_INTEGER], year: '2' }),
    ];
    it.each([
      ['POST', '/profile'],
      ['POST', '/favorite-clubs'],
      ['DELETE', '/favorite-clubs'],
      ['PUT', '/club-board'],
    ])('%s %s answers every hostile body with a JSON 4xx and stores nothing', async (method, path) => {
      const before = (await as('GET', '/profile')).body;
      for (const body of hostile) {
        const res = await send(student(path), { method, body, token });
        expect(res.status, body.slice(0, 60)).toBeGreaterThanOrEqual(400);
        expect(res.status, body.slice(0, 60)).toBeLessThan(500);
        expect(res.body.status).toBe('error');
      }
      expect((await as('GET', '/profile')).body).toEqual(before);
    });
  });
});
