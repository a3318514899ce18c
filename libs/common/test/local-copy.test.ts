import { describe, expect, it } from 'vitest';
import { LocalCopy } from '../src/cache/local-copy.js';
import { testLogger } from '../src/testing/index.js';

/** A snapshot source whose load the test finishes by hand, to put changes in the middle of it. */
function heldSnapshot() {
  let finish: (rows: { key: string; value: string; ttlMs: number }[]) => void = () => {};
  return {
    source: { load: () => new Promise<{ key: string; value: string; ttlMs: number }[]>((r) => (finish = r)) },
    finish: (rows: { key: string; value: string; ttlMs: number }[]) => finish(rows),
  };
}

describe('the local copy of the denylist', () => {
  it('vouches for nothing before its first snapshot, nor for keys it does not cover', async () => {
    const held = heldSnapshot();
    const copy = new LocalCopy(['denylist:'], held.source, testLogger());
    expect(copy.lookup(['denylist:jti:a'])).toBeUndefined();
    const synced = copy.resync();
    held.finish([]);
    expect(await synced).toBe(true);
    expect(copy.lookup(['denylist:jti:a'])).toEqual([null]);
    expect(copy.lookup(['denylist:jti:a', 'ratelimit:x'])).toBeUndefined();
    copy.close();
  });

  it('applies the changes that arrive while its snapshot loads on top of it', async () => {
    const held = heldSnapshot();
    const copy = new LocalCopy(['denylist:'], held.source, testLogger());
    const synced = copy.resync();
    copy.apply({ k: 'denylist:officer:u:c', v: '200', t: 60_000 });
    copy.apply({ k: 'denylist:sid:new', v: 'ended', t: 60_000 });
    // The snapshot was read before the officer's second removal: the change is newer.
    held.finish([
      { key: 'denylist:officer:u:c', value: '100', ttlMs: 60_000 },
      { key: 'denylist:jti:old', value: 'revoked', ttlMs: -1 },
      { key: 'denylist:jti:gone', value: 'revoked', ttlMs: -2 },
    ]);
    await synced;
    expect(
      copy.lookup(['denylist:officer:u:c', 'denylist:sid:new', 'denylist:jti:old', 'denylist:jti:gone']),
    ).toEqual(['200', 'ended', 'revoked', null]);
    copy.close();
  });

  it('stops vouching when its subscription is lost, and discards a snapshot begun before', async () => {
    const held = heldSnapshot();
    const copy = new LocalCopy(['denylist:'], held.source, testLogger());
    const synced = copy.resync();
    copy.lost();
    held.finish([{ key: 'denylist:jti:a', value: 'revoked', ttlMs: 60_000 }]);
    expect(await synced).toBe(false);
    expect(copy.lookup(['denylist:jti:a'])).toBeUndefined();
    copy.close();
  });

  it('forgets an entry when its time to live ends', async () => {
    let now = 1_000;
    const held = heldSnapshot();
    const copy = new LocalCopy(['denylist:'], held.source, testLogger(), () => now);
    const synced = copy.resync();
    held.finish([{ key: 'denylist:sid:a', value: 'ended', ttlMs: 500 }]);
    await synced;
    copy.apply({ k: 'denylist:jti:b', v: 'revoked', t: 200 });
    now = 1_199;
    expect(copy.lookup(['denylist:sid:a', 'denylist:jti:b'])).toEqual(['ended', 'revoked']);
    now = 1_200;
    expect(copy.lookup(['denylist:sid:a', 'denylist:jti:b'])).toEqual(['ended', null]);
    now = 1_500;
    expect(copy.lookup(['denylist:sid:a'])).toEqual([null]);
    copy.close();
  });
});
