import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogHarness, type CatalogStorage, call, startCatalogHarness } from './catalog-harness.js';

describe.each<CatalogStorage>(['embedded', 'postgres'])(
  'GET /api/catalog/organizations (upstream list) (%s)',
  (storage) => {
    let catalog: CatalogHarness;
    beforeAll(async () => {
      catalog = await startCatalogHarness({}, storage);
      await catalog.addClubs([
        {
          name: 'Zeta Chess Society',
          tags: [0, 3],
          numUsers: 1,
          aboutUs: 'Weekly blitz',
          recruitingEnd: new Date('2026-09-01T07:00:00Z'),
        },
        { name: 'alpha Robotics', tags: [5], appRequired: true, logoUrl: 'https://cdn.example.org/a.png' },
        { name: 'Beta Builders', tags: [5] },
        { name: 'Hidden Until Confirmed', confirmed: false },
        { name: 'Not Reactivated', reactivated: false },
      ]);
    }, 60_000);
    afterAll(() => catalog?.close());

    it('answers visible clubs by name with upstream fields, and counts them all', async () => {
      const { status, body } = await call(catalog.url('/api/catalog/organizations?limit=999&skip=0'));
      expect(status).toBe(200);
      expect(body.num_results).toBe(3);
      expect(body.results.map((club: { name: string }) => club.name)).toEqual([
        'alpha Robotics',
        'Beta Builders',
        'Zeta Chess Society',
      ]);
      const zeta = body.results[2];
      expect(Object.keys(zeta).sort()).toEqual(
        [
          'about_us',
          'app_required',
          'apply_deadline_end',
          'banner_url',
          'last_updated',
          'link_name',
          'logo_url',
          'member_count',
          'name',
          'new_members',
          'num_users',
          'recruiting_end',
          'tags',
        ].sort(),
      );
      expect(zeta).toMatchObject({ tags: [0, 3], num_users: 1, about_us: 'Weekly blitz', logo_url: null });
      // Dates carry the campus offset (Pacific daylight time on Sept 1st).
      expect(zeta.recruiting_end).toBe('2026-09-01T00:00:00.000-07:00');
      expect(typeof zeta.last_updated).toBe('string');
      expect(Number.isNaN(Date.parse(zeta.last_updated))).toBe(false);
    });

    it('answers tags and member-count ranges with ids 0..n-1 in list order', async () => {
      const tags = await call(catalog.url('/api/catalog/tags'));
      expect(tags.status).toBe(200);
      expect(tags.body.length).toBeGreaterThan(5);
      expect(tags.body.map((tag: { id: number }) => tag.id)).toEqual([...tags.body.keys()]);
      expect(tags.body[0]).toEqual({ id: 0, name: expect.any(String) });
      const sizes = await call(catalog.url('/api/catalog/num-user-tags'));
      expect(sizes.body.map((size: { id: number }) => size.id)).toEqual([...sizes.body.keys()]);
      expect(sizes.body[0]).toEqual({ id: 0, value: expect.any(String) });
    });

    it('upstream §6.1 #2: uses 50 and 0 when limit and skip are absent (upstream answered 500)', async () => {
      const { status, body } = await call(catalog.url('/api/catalog/organizations'));
      expect(status).toBe(200);
      expect(body.results).toHaveLength(3);
    });

    it('pages with limit and skip while num_results stays the total', async () => {
      const { body } = await call(catalog.url('/api/catalog/organizations?limit=1&skip=1'));
      expect(body.results.map((club: { name: string }) => club.name)).toEqual(['Beta Builders']);
      expect(body.num_results).toBe(3);
    });

    it.each([
      'limit=abc',
      'limit=-1',
      'limit=0',
      'limit=1001',
      'skip=1.5',
      'limit=1&limit=2',
      'tags=x',
      'tags[a]=1',
      'app_required=maybe',
      'sort=price',
      'tags_match=some',
      'recruiting=later',
      `q=${'a'.repeat(201)}`,
    ])('answers 400 with the parameter named for %s', async (query) => {
      const { status, body } = await call(catalog.url(`/api/catalog/organizations?${query}`));
      expect(status).toBe(400);
      expect(body).toMatchObject({ status: 'error' });
      expect(body.data[0].field.split('.')[0]).toBe(query.split(/[=[]/)[0]);
    });
  },
);
