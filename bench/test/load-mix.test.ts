import { describe, expect, it } from 'vitest';
import type { DataSet } from '../src/load/data-set.js';
import { classShares, createMix, createPairs, pairDealer, ROUTES } from '../src/load/mix.js';
import { seededRandom } from '../src/load/random.js';
import { weightedPicker } from '../src/load/weighted-pick.js';

const data: DataSet = {
  clubs: Array.from({ length: 50 }, (_, i) => `club-${i}`),
  tags: [1, 2, 3],
  words: ['robotics', 'chess', 'jazz'],
  officers: Array.from({ length: 4 }, (_, i) => ({
    access: `officer-token-${i}`,
    ip: `10.1.0.${i + 1}`,
    link: `officer-club-${i}`,
  })),
  students: Array.from({ length: 5 }, (_, i) => ({ access: `student-token-${i}`, ip: `10.2.0.${i + 1}` })),
  events: Array.from({ length: 3 }, (_, i) => ({ link: `officer-club-${i}`, id: `event-${i}` })),
};

describe('weightedPicker', () => {
  it('picks each item in proportion to its weight, never one of weight 0', () => {
    const pick = weightedPicker(
      [
        { item: 'a', weight: 70 },
        { item: 'b', weight: 20 },
        { item: 'c', weight: 10 },
        { item: 'never', weight: 0 },
      ],
      seededRandom(1),
    );
    const counts: Record<string, number> = {};
    for (let i = 0; i < 100_000; i++) {
      const item = pick();
      counts[item] = (counts[item] ?? 0) + 1;
    }
    expect(counts.never).toBeUndefined();
    expect(counts.a! / 100_000).toBeCloseTo(0.7, 2);
    expect(counts.b! / 100_000).toBeCloseTo(0.2, 2);
    expect(counts.c! / 100_000).toBeCloseTo(0.1, 2);
  });

  it('draws the same sequence for the same seed and another for another seed', () => {
    const items = ['x', 'y', 'z'].map((item) => ({ item, weight: 1 }));
    const draw = (seed: number) => {
      const pick = weightedPicker(items, seededRandom(seed));
      return Array.from({ length: 50 }, pick).join('');
    };
    expect(draw(7)).toBe(draw(7));
    expect(draw(7)).not.toBe(draw(8));
  });

  it('refuses weights it cannot draw from', () => {
    expect(() => weightedPicker([{ item: 'a', weight: 0 }], Math.random)).toThrow(/positive weight/);
    expect(() =>
      weightedPicker(
        [
          { item: 'a', weight: 1 },
          { item: 'b', weight: -1 },
        ],
        Math.random,
      ),
    ).toThrow(/non-negative/);
  });
});

describe('the load mix', () => {
  it("declares issue 24's shares: 70 % browsing, 15 % club pages, 10 % signed-in reads, 5 % writes", () => {
    expect(classShares()).toEqual({ browse: 70, club: 15, 'signed-in': 10, write: 5 });
  });

  it('draws the classes in those shares, with the whole-catalog call on every fifth request', () => {
    const next = createMix(
      { ...data, students: Array.from({ length: 2_000 }, (_, i) => ({ access: `s${i}`, ip: '10.2.0.1' })) },
      3,
    );
    const classes: Record<string, number> = {};
    let wholeCatalog = 0;
    const draws = 50_000;
    for (let i = 0; i < draws; i++) {
      const request = next();
      classes[request.routeClass] = (classes[request.routeClass] ?? 0) + 1;
      if (request.path === '/api/catalog/organizations?limit=999&skip=0') wholeCatalog++;
    }
    expect(classes.browse! / draws).toBeCloseTo(0.7, 1);
    expect(classes.club! / draws).toBeCloseTo(0.15, 1);
    expect(classes['signed-in']! / draws).toBeCloseTo(0.1, 1);
    expect(classes.write! / draws).toBeCloseTo(0.05, 1);
    expect(wholeCatalog / draws).toBeCloseTo(0.2, 1);
  });

  it('signs signed-in reads and writes with a seeded token, and sends JSON bodies with their type', () => {
    const next = createMix(data, 5);
    const tokens = new Set([...data.officers, ...data.students].map((who) => `Bearer ${who.access}`));
    for (let i = 0; i < 2_000; i++) {
      const request = next();
      const signed = request.routeClass === 'signed-in' || request.routeClass === 'write';
      expect(request.headers.authorization === undefined, request.route).toBe(!signed);
      if (signed) expect(tokens.has(request.headers.authorization!)).toBe(true);
      if (request.method === 'POST') {
        expect(request.headers['content-type']).toBe('application/json');
        expect(() => JSON.parse(request.body!)).not.toThrow();
      }
      expect(ROUTES[request.route].routeClass).toBe(request.routeClass);
    }
  });

  it('never sends the same RSVP or application twice across the steps of a run, then favourites instead', () => {
    const pairs = createPairs(data);
    const rsvps = new Set<string>();
    const applications = new Set<string>();
    for (const seed of [1, 2, 3]) {
      const next = createMix(data, seed, pairs);
      for (let i = 0; i < 3_000; i++) {
        const request = next();
        const key = `${request.path} ${request.headers.authorization}`;
        const seen = request.route === 'rsvp' ? rsvps : request.route === 'apply' ? applications : undefined;
        if (!seen) continue;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
    // Every pair was used once (3 events × 5 students, 4 clubs × 5 students); later draws were favourites.
    expect(rsvps.size).toBe(15);
    expect(applications.size).toBe(20);
  });
});

describe('pairDealer', () => {
  it('hands out every (row, student) pair exactly once, starting each row at its own student', () => {
    const deal = pairDealer(3, 4, 7);
    const dealt = Array.from({ length: 12 }, (_, i) => deal(i % 3));
    expect(new Set(dealt.map((pair) => `${pair!.row}:${pair!.student}`)).size).toBe(12);
    expect(dealt[1]).toEqual({ row: 1, student: 7 % 4 });
    expect(deal(0)).toBeNull();
  });

  it('passes a full row on to the next one', () => {
    const deal = pairDealer(2, 1, 1);
    expect(deal(0)).toEqual({ row: 0, student: 0 });
    expect(deal(0)).toEqual({ row: 1, student: 0 });
    expect(deal(1)).toBeNull();
  });
});
