import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { denylistKeys } from '../src/auth/claims.js';
import { RedisStore } from '../src/cache/redis-store.js';
import { eventually, infraAvailable, infraUrls, testLogger } from '../src/testing/index.js';

const available = await infraAvailable('redis');

/** Two stores on one namespace, as two verifying processes: a reader with a local copy, a writer (auth). */
describe.skipIf(!available)('the denylist kept locally', () => {
  const namespace = `test:${randomBytes(4).toString('hex')}`;
  let reader: RedisStore;
  let writer: RedisStore;
  let admin: ReturnType<typeof createClient>;

  beforeAll(async () => {
    reader = new RedisStore({ url: infraUrls.redis, namespace, logger: testLogger() });
    writer = new RedisStore({ url: infraUrls.redis, namespace, logger: testLogger(), localCopy: false });
    admin = createClient({ url: infraUrls.redis });
    await admin.connect();
    await eventually(() => reader.localCopyInSync, 5_000);
  });
  afterAll(async () => {
    await reader?.close();
    await writer?.close();
    await admin?.quit();
  });

  /** Polls the reader's answer for one key, timing how long it took to read `expected`. */
  async function readerSees(key: string, expected: string | null, withinMs: number) {
    const started = performance.now();
    await eventually(async () => (await reader.getMany([key]))[0] === expected, withinMs, 2);
    return performance.now() - started;
  }

  it('holds, in sync, what was written before it started', async () => {
    const key = denylistKeys.session('before');
    await writer.set(key, 'ended', 60_000);
    const late = new RedisStore({ url: infraUrls.redis, namespace, logger: testLogger() });
    try {
      await eventually(() => late.localCopyInSync, 5_000);
      expect(await late.getMany([key, denylistKeys.token('never')])).toEqual(['ended', null]);
    } finally {
      await late.close();
    }
  });

  it('learns a revocation written elsewhere within 100 ms', async () => {
    const key = denylistKeys.token(`jti-${randomBytes(4).toString('hex')}`);
    expect(await reader.getMany([key])).toEqual([null]);
    await writer.set(key, 'revoked', 60_000);
    expect(await readerSees(key, 'revoked', 100)).toBeLessThan(100);
  });

  it('drops an entry when it expires, as Redis does', async () => {
    const key = denylistKeys.session(`short-${randomBytes(4).toString('hex')}`);
    await writer.set(key, 'ended', 300);
    await readerSees(key, 'ended', 100);
    const started = Date.now();
    await readerSees(key, null, 2_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('misses nothing written while its subscription was cut', async () => {
    const list = await admin.sendCommand<string>(['CLIENT', 'LIST']);
    const line = list.split('\n').find((entry) => entry.includes(` name=${namespace}:changes-copy `));
    const id = /\bid=(\d+)/.exec(line ?? '')?.[1];
    expect(id).toBeDefined();
    const key = denylistKeys.session(`cut-${randomBytes(4).toString('hex')}`);
    await admin.sendCommand(['CLIENT', 'KILL', 'ID', id!]);
    // Written while the subscription is down: the announcement reaches nobody on the reader's side.
    await writer.set(key, 'ended', 60_000);
    // Out of sync, the reader asks Redis; back in sync, its snapshot has the key.
    await readerSees(key, 'ended', 100);
    await eventually(async () => {
      const list = await admin.sendCommand<string>(['CLIENT', 'LIST']);
      const again = list.split('\n').find((entry) => entry.includes(` name=${namespace}:changes-copy `));
      // A new connection (another id), subscribed again and resynchronised.
      return again !== undefined && !again.includes(`id=${id} `) && reader.localCopyInSync;
    }, 5_000);
    expect(await reader.getMany([key])).toEqual(['ended']);
    // And the new subscription carries later revocations.
    const later = denylistKeys.token(`after-${randomBytes(4).toString('hex')}`);
    await writer.set(later, 'revoked', 60_000);
    await readerSees(later, 'revoked', 100);
  });

  it('answers from its copy without asking Redis', async () => {
    await eventually(() => reader.localCopyInSync, 5_000);
    const key = denylistKeys.token('local');
    await writer.set(key, 'revoked', 60_000);
    await readerSees(key, 'revoked', 100);
    const client = (reader as unknown as { client: { mGet: () => unknown; get: () => unknown } }).client;
    const mGet = vi.spyOn(client, 'mGet');
    const get = vi.spyOn(client, 'get');
    try {
      expect(await reader.getMany([key, denylistKeys.session('none')])).toEqual(['revoked', null]);
      expect(await reader.get(key)).toBe('revoked');
      expect(mGet).not.toHaveBeenCalled();
      expect(get).not.toHaveBeenCalled();
    } finally {
      mGet.mockRestore();
      get.mockRestore();
    }
  });
});
