import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { KeyRing, type KeyRingStore, type SigningKey } from '../src/domain/key-ring.js';

const DAY = 24 * 3600_000;

/** The repository's contract, in memory: at most one active key, retired keys kept. */
function memoryKeyStore(): KeyRingStore & { keys: SigningKey[] } {
  const keys: SigningKey[] = [];
  return {
    keys,
    async loadUsable(retiredAfter) {
      return keys.filter((k) => !k.retiredAt || k.retiredAt > retiredAfter);
    },
    async rotate(next, previousKid) {
      if (keys.some((k) => !k.retiredAt && k.kid !== previousKid)) return false;
      for (const k of keys) if (k.kid === previousKid) k.retiredAt = next.createdAt;
      keys.push(next);
      return true;
    },
  };
}

describe('signing key rotation', () => {
  it('rotates an old key without invalidating what it signed, then drops it once those tokens are dead', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const store = memoryKeyStore();
    const ring = new KeyRing({ store, rotateAfterMs: 30 * DAY, keepRetiredMs: 15 * DAY, now: () => now });
    await ring.refresh();
    const firstKid = ring.activeKid;
    const oldToken = await ring.sign({ sub: 'u1' }, 20 * DAY);

    now = new Date(now.getTime() + 31 * DAY);
    await ring.refresh();
    expect(ring.activeKid).not.toBe(firstKid);
    expect(ring.jwks().keys.map((k) => k.kid)).toEqual([firstKid, ring.activeKid]);
    const newToken = await ring.sign({ sub: 'u2' }, 60);
    expect(JSON.parse(Buffer.from(newToken.split('.')[0]!, 'base64url').toString()).kid).toBe(ring.activeKid);
    // Verification ignores expiry here: the question is only whose key signed it.
    const options = { currentDate: new Date(now.getTime() - 30 * DAY) };
    await expect(jwtVerify(oldToken, ring.verificationKeys, options)).resolves.toBeTruthy();

    now = new Date(now.getTime() + 16 * DAY);
    await ring.refresh();
    expect(ring.jwks().keys.map((k) => k.kid)).toEqual([ring.activeKid]);
    await expect(jwtVerify(oldToken, ring.verificationKeys, options)).rejects.toThrow();
  });

  it('lets two replicas rotating at once end up with one active key', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const store = memoryKeyStore();
    const a = new KeyRing({ store, rotateAfterMs: DAY, keepRetiredMs: DAY, now: () => now });
    const b = new KeyRing({ store, rotateAfterMs: DAY, keepRetiredMs: DAY, now: () => now });
    await Promise.all([a.refresh(), b.refresh()]);
    expect(store.keys.filter((k) => !k.retiredAt)).toHaveLength(1);
    expect(a.activeKid).toBe(b.activeKid);
    now = new Date(now.getTime() + 2 * DAY);
    await Promise.all([a.refresh(), b.refresh()]);
    expect(store.keys.filter((k) => !k.retiredAt)).toHaveLength(1);
    expect(a.activeKid).toBe(b.activeKid);
  });
});
