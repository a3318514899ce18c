import { describe, expect, it } from 'vitest';
import { statsCache } from '../src/domain/stats/stats-cache.js';

describe('the statistics cache', () => {
  it('computes once per interval, then answers the old value while one computation replaces it', async () => {
    let clock = 0;
    let computed = 0;
    const cache = statsCache(1_000, () => clock);
    const compute = async () => ++computed;
    expect(await Promise.all([cache.get('a', compute), cache.get('a', compute)])).toEqual([1, 1]);
    clock = 999;
    expect(await cache.get('a', compute)).toBe(1);
    clock = 1_000;
    // Expired: the caller gets the known value at once, and the next caller the recomputed one.
    expect(await cache.get('a', compute)).toBe(1);
    expect(await cache.get('a', compute)).toBe(2);
    expect(computed).toBe(2);
    cache.clear();
    expect(await cache.get('a', compute)).toBe(3);
  });

  it('keeps no failure, and with no interval computes on every request', async () => {
    const cache = statsCache(1_000, () => 0);
    await expect(cache.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('a', async () => 'up')).toBe('up');
    let computed = 0;
    const fresh = statsCache(0);
    await fresh.get('b', async () => ++computed);
    await fresh.get('b', async () => ++computed);
    expect(computed).toBe(2);
  });
});
