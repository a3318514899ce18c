import { describe, expect, it } from 'vitest';
import { compareTimings } from './support/timing-leak.js';

/** A seeded generator (mulberry32), so that each sample set is the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 100 interleaved pairs as a loaded 2-core machine gives them: each answer `base` ms plus log-normal
 * jitter, one pair in ten hit by a load burst (both halves, up to 80 ms), one answer in twenty slowed
 * alone (a GC pause, up to 40 ms); the known email's answers `extra` ms slower.
 */
function samples(seed: number, base: number, jitter: number, extra: number) {
  const next = random(seed);
  const noise = () => Math.exp((next() - 0.5) * 2) * jitter;
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < 100; i++) {
    const burst = next() < 0.1 ? next() * 80 : 0;
    const pause = () => (next() < 0.05 ? next() * 40 : 0);
    known.push(base + extra + noise() + burst + pause());
    unknown.push(base + noise() + burst + pause());
  }
  return { known, unknown };
}

describe('the timing-leak statistic (e2e/user-enumeration.serial.test.ts)', () => {
  it('finds no leak where both answers do the same work, over many noisy runs', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const fast = samples(seed, 4, 1.5, 0); // a request answered after a lookup
      const hashed = samples(seed + 1000, 90, 25, 0); // a password hashed either way
      expect(compareTimings(fast.known, fast.unknown).leaks, `fast, seed ${seed}`).toBe(false);
      expect(compareTimings(hashed.known, hashed.unknown).leaks, `hashed, seed ${seed}`).toBe(false);
    }
  });

  it('finds the leaks that matter: a password hash skipped for unknown emails, mail sent in the request', () => {
    for (let seed = 1; seed <= 200; seed++) {
      // argon2 for known emails only (unknown ones answered at once).
      const skipped = samples(seed, 4, 1.5, 60);
      // A round trip to the mail provider before answering, for known emails only.
      const mailed = samples(seed + 1000, 4, 1.5, 8);
      // The same on a slow endpoint: the bound catches what its wider spread would hide.
      const slowMail = samples(seed + 2000, 90, 25, 30);
      expect(compareTimings(skipped.known, skipped.unknown).leaks, `argon2, seed ${seed}`).toBe(true);
      expect(compareTimings(mailed.known, mailed.unknown).leaks, `mail, seed ${seed}`).toBe(true);
      expect(compareTimings(slowMail.known, slowMail.unknown).leaks, `slow mail, seed ${seed}`).toBe(true);
    }
  });

  it('reports the shift and the spread it judged by', () => {
    const { known, unknown } = samples(7, 4, 1.5, 60);
    const result = compareTimings(known, unknown);
    expect(result.shiftMs).toBeGreaterThan(55);
    expect(result.shiftMs).toBeLessThan(65);
    expect(result.spreadMs).toBeGreaterThan(0);
    expect(() => compareTimings([1, 2], [1, 2])).toThrow(/20 interleaved pairs/);
  });
});
