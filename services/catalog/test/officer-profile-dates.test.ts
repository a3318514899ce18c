import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogHarness, call, startCatalogHarness } from './catalog-harness.js';

// The four club dates of POST /api/admin/profile, read by the one shared date schema.
describe('officer profile dates', () => {
  let catalog: CatalogHarness;
  let token: string;
  const profile = (body?: unknown) => call(catalog.url('/api/admin/profile'), { body, token });

  beforeAll(async () => {
    catalog = await startCatalogHarness();
    const officerId = crypto.randomUUID();
    await catalog.addClub({
      name: 'Dated Club',
      ownerUserId: officerId,
      recruitingStart: new Date('2030-01-05T17:00:00Z'),
      recruitingEnd: new Date('2030-01-20T17:00:00Z'),
    });
    token = await catalog.auth.token('officer', { sub: officerId });
  }, 60_000);
  afterAll(() => catalog?.close());

  it.each(['+24:00', '+99:99', '-23:59'])(
    'answers an offset of %s with 400 naming the field',
    async (offset) => {
      const res = await profile({ apply_deadline_start: `2030-01-05T09:00:00${offset}` });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status: 'error', data: [{ field: 'apply_deadline_start' }] });
    },
  );

  it('reads "null" and "" as clearing a date, as upstream did', async () => {
    const res = await profile({ recruiting_start: 'null', recruiting_end: '' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = await profile();
    expect(after.body).toMatchObject({ recruiting_start: null, recruiting_end: null });
  });
});
