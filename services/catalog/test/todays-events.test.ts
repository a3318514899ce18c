import { randomUUID } from 'node:crypto';
import { fetchJson as send } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewClubEvent } from '../src/data-access/club-event-repository.js';
import type { Club } from '../src/data-access/club-repository.js';
import { type CatalogHarness, call, startCatalogHarness } from './catalog-harness.js';

const at = (iso: string) => new Date(iso);
const event = (
  name: string,
  start: string,
  end: string,
  extra: Partial<NewClubEvent> = {},
): NewClubEvent => ({
  name,
  eventStart: at(start),
  eventEnd: at(end),
  ...extra,
});

/**
 * "Today" is the campus day (CAMPUS_TZ, America/Los_Angeles by default), not the UTC one: at 23:30 on
 * campus it is already tomorrow in UTC.
 */
describe('GET /api/catalog/events/today', () => {
  let catalog: CatalogHarness;
  let robotics: Club;
  // 2026-03-10 23:30 PDT (UTC-7, two days after clocks sprang forward) = 2026-03-11 06:30 UTC.
  let now = at('2026-03-11T06:30:00Z');
  const today = (query = '') => call(catalog.url(`/api/catalog/events/today${query}`));
  const names = (body: { results: { name: string }[] }) => body.results.map((e) => e.name);

  beforeAll(async () => {
    catalog = await startCatalogHarness({}, 'embedded', { clock: () => now });
    robotics = await catalog.addClub({ name: 'Cal Robotics' });
    const chess = await catalog.addClub({ name: 'Chess Club' });
    const hidden = await catalog.addClub({ name: 'Secret Society', hidden: true });
    await catalog.addEvents(robotics.id, 'event', [
      event('Evening build', '2026-03-11T03:00:00Z', '2026-03-11T05:00:00Z'), // 20:00-22:00 campus, today
      event('Breakfast', '2026-03-11T15:00:00Z', '2026-03-11T16:00:00Z'), // tomorrow on campus, today in UTC
      event('Overnight hack', '2026-03-10T05:00:00Z', '2026-03-10T09:00:00Z'), // 22:00 yesterday to 02:00 today
      event('Ends at midnight', '2026-03-10T06:00:00Z', '2026-03-10T07:00:00Z'), // 23:00-00:00: yesterday's
      event('Last minute', '2026-03-11T06:59:00Z', '2026-03-11T06:59:00Z'), // 23:59 today, no length
    ]);
    await catalog.addEvents(chess.id, 'recruiting', [
      event('Chess coffee chat', '2026-03-10T17:00:00Z', '2026-03-10T18:00:00Z', { location: 'Moffitt' }),
    ]);
    await catalog.addEvents(hidden.id, 'event', [
      event('Hidden meet', '2026-03-10T20:00:00Z', '2026-03-10T21:00:00Z'),
    ]);
  });
  afterAll(() => catalog?.close());

  it("lists visible clubs' events of both kinds overlapping the campus day, in start order", async () => {
    const { status, body } = await today();
    expect(status).toBe(200);
    expect(body).toMatchObject({ date: '2026-03-10', time_zone: 'America/Los_Angeles', num_results: 4 });
    expect(names(body)).toEqual(['Overnight hack', 'Chess coffee chat', 'Evening build', 'Last minute']);
    const [, chat] = body.results;
    expect(chat).toMatchObject({
      kind: 'recruiting',
      location: 'Moffitt',
      event_start: '2026-03-10T10:00:00.000-07:00',
      club: { name: 'Chess Club', link_name: expect.stringMatching(/^chess-club-/) },
    });
  });

  it('moves on with the campus clock, not the UTC date', async () => {
    now = at('2026-03-11T07:30:00Z'); // 00:30 on 2026-03-11 on campus
    const { body } = await today();
    expect(body.date).toBe('2026-03-11');
    expect(names(body)).toEqual(['Breakfast']);
    now = at('2026-03-11T06:30:00Z');
  });

  it('pages with limit and skip (limit at most 100); bad paging is a 400', async () => {
    const first = await today('?limit=2');
    expect(names(first.body)).toEqual(['Overnight hack', 'Chess coffee chat']);
    expect(first.body.num_results).toBe(4);
    expect(names((await today('?limit=2&skip=2')).body)).toEqual(['Evening build', 'Last minute']);
    for (const query of ['?limit=101', '?limit=0', '?limit=x', '?skip=-1']) {
      const res = await today(query);
      expect(res.status).toBe(400);
      expect(res.body.status).toBe('error');
    }
  });

  it('leaves out an event once its officer removes it', async () => {
    const officerId = randomUUID();
    await catalog.addClub({ name: 'Debate', ownerUserId: officerId, ownerEmail: 'd@berkeley.edu' });
    const token = await catalog.auth.token('officer', { sub: officerId, email: 'd@berkeley.edu' });
    const added = await send(catalog.url('/api/admin/events'), {
      method: 'POST',
      token,
      body: { name: 'Practice round', event_start: '2026-03-10 12:00', event_end: '2026-03-10 13:00' },
    });
    expect(added.status).toBe(200);
    expect(names((await today()).body)).toContain('Practice round');
    const removed = await send(catalog.url(`/api/admin/events/${added.body[0].id}`), {
      method: 'DELETE',
      token,
    });
    expect(removed.status).toBe(200);
    expect(names((await today()).body)).not.toContain('Practice round');
  });
});
