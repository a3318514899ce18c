import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogHarness, call, startCatalogHarness } from './catalog-harness.js';

// Deterministic pseudo-random values, so a failure replays the same way.
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = <T>(values: T[]) => values[Math.floor(next() * values.length)] as T;
  return { next, pick };
}

const NASTY = [
  '',
  ' ',
  '-1',
  '1e9',
  '0x10',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  "' or 1=1 --",
  '"; drop table catalog.clubs; --',
  '%00',
  '\u0000',
  '😀🎉',
  'é'.repeat(300),
  'a'.repeat(5000),
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'robotics:* & !club',
  '\\',
  '%',
  '_',
  '1,2,,3',
  '99999999999999999999',
];
const PARAMS = [
  'limit',
  'skip',
  'q',
  'tags',
  'tags_match',
  'app_required',
  'new_members',
  'num_users',
  'recruiting',
  'sort',
];

describe('fuzzed catalog requests', () => {
  let catalog: CatalogHarness;
  beforeAll(async () => {
    catalog = await startCatalogHarness();
    await catalog.addClubs([{ name: 'Robotics', linkName: 'robotics', tags: [1] }, { name: 'Chess' }]);
  }, 60_000);
  afterAll(() => catalog?.close());

  it('answers query strings of random parameters and values with 200 or a 400 envelope, never 5xx', async () => {
    const random = generator(42);
    for (let i = 0; i < 300; i++) {
      const parts = Array.from({ length: 1 + Math.floor(random.next() * 4) }, () => {
        const name = random.pick(PARAMS);
        const suffix = random.pick(['', '', '[]', '[x]', '[0][1]']);
        return `${encodeURIComponent(name)}${suffix}=${encodeURIComponent(random.pick(NASTY))}`;
      });
      const { status, body } = await call(catalog.url(`/api/catalog/organizations?${parts.join('&')}`));
      expect([200, 400], parts.join('&')).toContain(status);
      if (status === 400) expect(body.status).toBe('error');
      else expect(Array.isArray(body.results)).toBe(true);
    }
  });

  it('answers any club link name, or a feed of one, with 200, 301, 400 or 404, never 5xx', async () => {
    for (const name of NASTY.filter(Boolean)) {
      for (const suffix of ['', '/events.ics']) {
        const { status } = await call(
          catalog.url(`/api/catalog/organizations/${encodeURIComponent(name)}${suffix}`),
        );
        expect([200, 301, 400, 404], `${name}${suffix}`).toContain(status);
      }
    }
  });

  it('answers malformed and foreign Authorization headers on a club page with 200 or 401, never 5xx', async () => {
    for (const header of [
      'Bearer',
      'Bearer ',
      'Bearer x.y.z',
      'Bearer a b',
      'Basic Zm9vOmJhcg==',
      `bearer ${'a'.repeat(4000)}`,
    ]) {
      const { status } = await call(catalog.url('/api/catalog/organizations/robotics'), {
        headers: { authorization: header },
      });
      expect([200, 401], header.slice(0, 20)).toContain(status);
    }
  });
});
