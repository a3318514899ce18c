import { fetchJson as send } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Club } from '../src/data-access/club-repository.js';
import { type CatalogHarness, startCatalogHarness } from './catalog-harness.js';

describe('GET /api/student/recommended-clubs', () => {
  let catalog: CatalogHarness;
  let token: string;
  let robotics: Club;
  let rover: Club;
  let chess: Club;
  const studentId = crypto.randomUUID();
  const recommended = async () =>
    send(catalog.url('/api/student/recommended-clubs?limit=5'), { token }).then((res) => res.body);

  beforeAll(async () => {
    catalog = await startCatalogHarness({}, 'embedded');
    [robotics, rover, chess] = (await catalog.addClubs([
      { name: 'Cal Robotics', tags: [5] },
      { name: 'Rover Team', tags: [5] },
      { name: 'Chess Club', tags: [0] },
    ])) as [Club, Club, Club];
    token = await catalog.auth.token('student', { sub: studentId, email: 'oski@berkeley.edu' });
  });
  afterAll(() => catalog?.close());

  it('answers the recommender’s clubs in its order, each with its reason in words', async () => {
    await send(catalog.url('/api/student/favorite-clubs'), {
      method: 'POST',
      token,
      body: { clubs: [robotics.linkName] },
    });
    catalog.recommender.set({
      answer: {
        clubs: [
          { link_name: rover.linkName, reason: { kind: 'favorite', club: robotics.linkName } },
          { link_name: 'a-club-since-deleted', reason: { kind: 'popular' } },
          { link_name: chess.linkName, reason: { kind: 'interest', tag: 0 } },
        ],
      },
    });
    const body = await recommended();
    expect(
      body.recommended_clubs.map((c: { link_name: string; reason: string }) => [c.link_name, c.reason]),
    ).toEqual([
      [rover.linkName, 'because you follow Cal Robotics'],
      [chess.linkName, 'matches your interest in Academic'],
    ]);
    expect(
      catalog.recommender.requests.some((url) => url.startsWith(`/internal/for-student/${studentId}?`)),
    ).toBe(true);
  });

  it('falls back to clubs sharing the student’s interests when the recommender is down', async () => {
    catalog.recommender.set('failing');
    await send(catalog.url('/api/student/profile'), { method: 'POST', token, body: { interests: [0] } });
    const body = await recommended();
    expect(body.recommended_clubs[0]).toMatchObject({
      link_name: chess.linkName,
      reason: 'matches your interest in Academic',
    });
    expect(body.recommended_clubs.map((c: { link_name: string }) => c.link_name)).not.toContain(
      robotics.linkName,
    );
  });

  it('needs a confirmed student, and refuses a bad limit with 400', async () => {
    expect((await send(catalog.url('/api/student/recommended-clubs'))).status).toBe(401);
    const res = await send(catalog.url('/api/student/recommended-clubs?limit=0'), { token });
    expect(res.status).toBe(400);
    expect(res.body.status).toBe('error');
  });
});
