import { ClubCreatedV1, ClubDeletedV1, ClubUpdatedV1, makeEvent } from '@sproul/common/events';
import { bootService, eventually, openStorage } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recommenderService } from '../src/index.js';

const summary = (name: string, link_name: string, tags: number[], about_us: string, visible = true) => ({
  name,
  link_name,
  tags,
  num_users: 0,
  app_required: false,
  new_members: true,
  about_us,
  get_involved: '',
  visible,
});

describe('recommender service', () => {
  let storage: Awaited<ReturnType<typeof openStorage>>;
  let recommender: Awaited<ReturnType<typeof bootService>>;
  const similar = async (link: string, k = 3) => {
    const res = await recommender.client(`/internal/similar/${encodeURIComponent(link)}?k=${k}`);
    return { status: res.status, body: res.body };
  };

  beforeAll(async () => {
    storage = await openStorage('embedded');
    recommender = await bootService(recommenderService, { storage: storage.storage });
    await recommender.bus.publish(
      [
        ['c1', 'Cal Robotics', 'cal-robotics', [5], 'We build autonomous robots and compete nationally.'],
        ['c2', 'Rover Team', 'rover-team', [5], 'A Mars rover team: autonomous robots and electronics.'],
        ['c3', 'Ballet Company', 'ballet', [10], 'Classical ballet and a spring performance.'],
        ['c4', 'Hip Hop Crew', 'hip-hop', [10], 'Dance crew with weekly practice and a performance.'],
      ].map(([clubId, name, link, tags, about]) =>
        makeEvent(
          ClubCreatedV1,
          {
            clubId: clubId as string,
            ownerUserId: `owner-${clubId}`,
            club: summary(name as string, link as string, tags as number[], about as string),
          },
          'catalog',
        ),
      ),
    );
  });
  afterAll(async () => {
    await recommender?.close();
    await storage?.close();
  });

  it('answers the most similar visible clubs of a club it learnt from ClubCreated events', async () => {
    const answer = await eventually(async () => {
      const res = await similar('cal-robotics', 2);
      expect(res.status).toBe(200);
      return res.body;
    });
    expect(answer.link_name).toBe('cal-robotics');
    expect(answer.similar.map((s: { link_name: string }) => s.link_name)).toEqual([
      'rover-team',
      expect.any(String),
    ]);
    expect(answer.similar[0].score).toBeGreaterThan(answer.similar[1].score);
  });

  it('follows renames, hiding and deletion, and answers 404 JSON for clubs it does not show', async () => {
    await recommender.bus.publish([
      makeEvent(
        ClubUpdatedV1,
        {
          clubId: 'c2',
          changed: ['name'],
          club: summary('Mars Rover Team', 'mars-rover-team', [5], 'Autonomous robots for Mars.'),
          previousLinkName: 'rover-team',
        },
        'catalog',
      ),
      makeEvent(
        ClubUpdatedV1,
        {
          clubId: 'c4',
          changed: ['visible'],
          club: summary('Hip Hop Crew', 'hip-hop', [10], 'Dance.', false),
        },
        'catalog',
      ),
      makeEvent(ClubDeletedV1, { clubId: 'c3', ownerUserId: 'owner-c3', link_name: 'ballet' }, 'catalog'),
    ]);
    await eventually(async () => {
      expect((await similar('rover-team')).status).toBe(404);
      expect((await similar('ballet')).status).toBe(404);
      expect((await similar('hip-hop')).status).toBe(404);
      const robotics = await similar('cal-robotics');
      expect(robotics.body.similar.map((s: { link_name: string }) => s.link_name)).toEqual([
        'mars-rover-team',
      ]);
      return true;
    });
    const missing = await similar('no-such-club');
    expect(missing.body).toMatchObject({ status: 'error' });
  });

  it('refuses bad input on its other routes with 400 JSON, never 500', async () => {
    const bad: [string, RequestInit?][] = [
      ['/internal/for-student/s1?k=0'],
      ['/internal/for-student/s1?k=abc'],
      [`/internal/for-student/s1?visited=${'x'.repeat(5000)}`],
      [
        '/internal/retrain',
        { method: 'POST', body: '{"force":"yes"}', headers: { 'content-type': 'application/json' } },
      ],
      [
        '/internal/retrain',
        { method: 'POST', body: '{"other":1}', headers: { 'content-type': 'application/json' } },
      ],
      [
        '/internal/retrain',
        { method: 'POST', body: '{not json', headers: { 'content-type': 'application/json' } },
      ],
    ];
    for (const [path, init] of bad) {
      const res = await fetch(recommender.url(path), init);
      expect(res.status, path).toBe(400);
      expect(await res.json()).toMatchObject({ status: 'error' });
    }
    const unknown = await recommender.client('/internal/for-student/no-such-student?visited=no-such-club');
    expect(unknown.status).toBe(200);
    expect(unknown.body.clubs.map((c: { link_name: string }) => c.link_name)).not.toContain('no-such-club');
  });

  it('refuses a bad k with 400, not 500', async () => {
    for (const k of ['0', '-1', 'abc', '1000']) {
      const res = await fetch(recommender.url(`/internal/similar/cal-robotics?k=${k}`));
      expect(res.status, k).toBe(400);
    }
  });
});
