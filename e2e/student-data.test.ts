import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, startTestPlatform, type TestPlatform } from './support/platform.js';

const STUDENT = { email: 'oski@berkeley.edu', password: 'Go-Bears-2026!', name: 'Oski Bear' };

// A student's data across services, as `npm start` composes them: the account and its confirmation
// are auth's, the profile, favourites, board and visits the catalog's, all through the gateway.
describe('a student signs up, confirms and keeps favourites (embedded platform)', () => {
  let testPlatform: TestPlatform;
  let events: TestPlatform['events'] = [];
  let api: Api;

  beforeAll(async () => {
    testPlatform = await startTestPlatform('student', {
      FRONTEND_BASE_URL: 'http://web.test',
      SEED_DEMO: '1',
    });
    ({ events, api } = testPlatform);
  }, 90_000);
  afterAll(() => testPlatform?.stop());

  it('lookups are public; the profile needs a confirmed account; favourites, board and visits are kept', async () => {
    const majors = await api('/api/student/majors');
    expect(majors.status).toBe(200);
    expect(majors.body[0]).toEqual({ id: 0, major: expect.any(String) });

    expect((await api('/api/student/register', { body: STUDENT })).status).toBe(200);
    const early = await api('/api/student/login', {
      body: { email: STUDENT.email, password: STUDENT.password },
    });
    expect(early.status).toBe(200);
    // Upstream required a confirmed student and never confirmed one (always 401); here the link confirms.
    expect((await api('/api/student/profile', { token: early.body.access })).status).toBe(401);

    const email = await eventually(() =>
      events.find((e) => e.type === 'EmailRequested' && (e.data as { to: string }).to === STUDENT.email),
    );
    await fetch((email.data as { variables: { confirm_url: string } }).variables.confirm_url, {
      redirect: 'manual',
    });
    const refreshed = await api('/api/student/refresh', { body: {}, token: early.body.refresh });
    expect(refreshed.status).toBe(200);
    const token = refreshed.body.access as string;

    const profile = await api('/api/student/profile', { token });
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({
      full_name: STUDENT.name,
      email: STUDENT.email,
      favorited_clubs: [],
    });

    const clubs = await eventually(async () => {
      const list = await api('/api/catalog/organizations?limit=3&skip=0');
      return list.body.results?.length === 3 ? (list.body.results as { link_name: string }[]) : undefined;
    });
    const [a, b, c] = clubs.map((club) => club.link_name) as [string, string, string];
    const favorites = await api('/api/student/favorite-clubs', { token, body: { clubs: [b, a, b] } });
    expect(favorites.status).toBe(200);
    expect(favorites.body.map((club: { link_name: string }) => club.link_name)).toEqual([b, a]);
    const board = await api('/api/student/club-board', {
      method: 'PUT',
      token,
      body: { interested_clubs: [c], applied_clubs: [], interviewed_clubs: [] },
    });
    expect(board.status).toBe(200);
    expect(
      (await api('/api/student/favorite-clubs', { method: 'DELETE', token, body: { clubs: [b] } })).status,
    ).toBe(200);

    // Opening a club page while signed in records the visit.
    expect((await api(`/api/catalog/organizations/${c}`, { token })).status).toBe(200);
    const after = await eventually(async () => {
      const res = await api('/api/student/profile', { token });
      return res.body.visited_clubs?.includes(c) ? res.body : undefined;
    });
    expect(after.favorited_clubs.map((club: { link_name: string }) => club.link_name)).toEqual([a]);
    expect(after.club_board.interested_clubs.map((club: { link_name: string }) => club.link_name)).toEqual([
      c,
    ]);

    // Recommendations through the gateway, from the recommender: near the club they follow, with why.
    const aName = after.favorited_clubs[0].name as string;
    const recommended = await eventually(async () => {
      const res = await api('/api/student/recommended-clubs?limit=5', { token });
      const reasons = (res.body.recommended_clubs ?? []).map((club: { reason: string }) => club.reason);
      return reasons.includes(`because you follow ${aName}`) ? res.body.recommended_clubs : undefined;
    }, 60_000);
    expect(recommended.length).toBe(5);
    expect(recommended.map((club: { link_name: string }) => club.link_name)).not.toContain(a);
  }, 120_000);
});
