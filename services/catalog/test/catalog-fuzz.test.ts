import type { Role } from '@sproul/common/auth';
import { fuzzRoutes, type OpenApiDocument } from '@sproul/common/testing';
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

// Every route the catalog documents (so every route it mounts: api-document.test checks both ways),
// with NUL bytes and unpaired surrogates in each string field, path and query parameter, impossible
// offsets in each date field, and its body under other content types: 4xx or the route's normal
// answer, never a 5xx, never an error that is not the JSON envelope.
describe('every documented catalog route, fuzzed', () => {
  let catalog: CatalogHarness;
  const officerId = crypto.randomUUID();
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    catalog = await startCatalogHarness();
    await catalog.addClubs([
      { name: 'Robotics', linkName: 'robotics', tags: [1], ownerUserId: officerId },
      { name: 'Chess', linkName: 'chess', tags: [0] },
    ]);
    tokens.set('officer', await catalog.auth.token('officer', { sub: officerId }));
    tokens.set('admin', await catalog.auth.token('admin'));
    tokens.set('student', await catalog.auth.token('student', { email: 'fuzz@berkeley.edu' }));
  }, 60_000);
  afterAll(() => catalog?.close());

  it('answers every hostile variant of every route with 4xx or its normal answer, as JSON', async () => {
    const document = (await call(catalog.url('/internal/openapi.json'))).body as OpenApiDocument;
    const role = (path: string): Role | undefined =>
      path.startsWith('/api/admin/')
        ? 'officer'
        : path.startsWith('/api/monitor/')
          ? 'admin'
          : path.startsWith('/api/student/')
            ? 'student'
            : undefined;
    const { requests, findings } = await fuzzRoutes({
      baseUrl: catalog.url(''),
      document,
      headers: (route): Record<string, string> => {
        const token = tokens.get(role(route.path) as Role);
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      sample: (name, route) => {
        if (name === 'link_name') return 'robotics';
        if (name === 'id') return route.path.startsWith('/api/monitor/') ? '3' : crypto.randomUUID();
        if (name === 'tags' || name === 'interests') return [1];
        if (name === 'num_users') return 1;
        if (name === 'clubs' || name.endsWith('_clubs')) return ['chess'];
        return undefined;
      },
    });
    expect(findings).toEqual([]);
    // Each of the ~45 routes gets its variants (about 250 requests, 2-3 s on an idle machine).
    expect(requests).toBeGreaterThan(200);
  }, 90_000);
});
