import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../src/cache/key-value-store.js';
import { MemoryStore } from '../src/cache/memory-store.js';
import { RedisStore } from '../src/cache/redis-store.js';
import { eventually, infraAvailable, infraUrls, testLogger } from '../src/testing/index.js';

const stores = [
  { kind: 'memory', needs: [] as const, open: async () => new MemoryStore() },
  {
    kind: 'redis',
    needs: ['redis'] as const,
    open: async () => {
      const store = new RedisStore({
        url: infraUrls.redis,
        namespace: `test:${randomBytes(4).toString('hex')}`,
        logger: testLogger(),
      });
      await eventually(() => store.ping().then(() => true), 5_000);
      return store;
    },
  },
];

/** One suite, two stores: what the embedded mode promises must hold on Redis too. */
describe.each(stores)('key-value store in $kind', async ({ needs, open }) => {
  const available = await infraAvailable(...needs);
  let store: KeyValueStore;
  beforeAll(async () => {
    if (available) store = await open();
  });
  afterAll(async () => {
    await store?.close();
  });

  it.skipIf(!available)('stores, reads and deletes values', async () => {
    expect(await store.get('missing')).toBeNull();
    await store.set('jti:abc', 'revoked');
    expect(await store.get('jti:abc')).toBe('revoked');
    await store.delete('jti:abc');
    expect(await store.get('jti:abc')).toBeNull();
  });

  it.skipIf(!available)('forgets a value after its time to live', async () => {
    await store.set('short', 'lived', 150);
    expect(await store.get('short')).toBe('lived');
    // Redis expires the key itself: poll until it is gone, far longer than the time to live.
    await eventually(async () => (await store.get('short')) === null, 5_000);
    expect(await store.get('short')).toBeNull();
  });

  it.skipIf(!available)('lets only the first of several callers take a key', async () => {
    const results = await Promise.all(
      [1, 2, 3].map((n) => store.setIfAbsent('tick:42', `replica-${n}`, 1_000)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true) + 1;
    expect(await store.get('tick:42')).toBe(`replica-${winner}`);
  });

  it.skipIf(!available)('counts within a window that starts at the first increment', async () => {
    expect(await store.increment('login:1.2.3.4', 300)).toBe(1);
    expect(await store.increment('login:1.2.3.4', 300)).toBe(2);
    expect(await store.increment('login:1.2.3.4', 300)).toBe(3);
    // The window ends when the counter's key expires (polled without incrementing, which would restart it).
    await eventually(async () => (await store.get('login:1.2.3.4')) === null, 5_000);
    expect(await store.increment('login:1.2.3.4', 300)).toBe(1);
  });

  it.skipIf(!available)('keeps namespaces apart', async () => {
    const other = await open();
    try {
      await store.set('shared-name', 'mine');
      expect(await other.get('shared-name')).toBeNull();
    } finally {
      await other.close();
    }
  });
});
