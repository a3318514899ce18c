import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AUDIENCE, denylistKeys, ISSUER } from '../src/auth/claims.js';
import { createTokenVerifier } from '../src/auth/token-verifier.js';
import { MemoryStore } from '../src/cache/memory-store.js';

async function setup(now?: () => number) {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k', alg: 'ES256' };
  const sign = (jti: string, expiresIn: number | string = '30m', club: string | null = null, iat?: number) =>
    new SignJWT({
      role: 'officer',
      email: 'o@berkeley.edu',
      confirmed: true,
      club,
      sid: `s-${jti}`,
      token_use: 'access',
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'k' })
      .setSubject('u')
      .setJti(jti)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(expiresIn)
      .sign(privateKey);
  const store = new MemoryStore();
  return {
    sign,
    store,
    verifier: createTokenVerifier({ keys: createLocalJWKSet({ keys: [jwk] }), store, cacheSize: 2, now }),
  };
}

describe('access-token verifier cache', () => {
  it('still refuses a remembered token once it is revoked, or its session ended', async () => {
    const { sign, store, verifier } = await setup();
    const token = await sign('a');
    await expect(verifier.verify(token)).resolves.toMatchObject({ jti: 'a' });
    await store.set(denylistKeys.token('a'), 'revoked', 60_000);
    await expect(verifier.verify(token)).rejects.toMatchObject({
      status: 401,
      reason: 'Token has been revoked',
    });
    const other = await sign('b');
    await verifier.verify(other);
    await store.set(denylistKeys.session('s-b'), 'ended', 60_000);
    await expect(verifier.verify(other)).rejects.toMatchObject({ status: 401 });
  });

  it('answers 503 (not now), never lets the token through, while the denylist store is unreachable', async () => {
    const { sign, store, verifier } = await setup();
    const token = await sign('a');
    await expect(verifier.verify(token)).resolves.toMatchObject({ jti: 'a' });
    // What the Redis client throws for a command while its connection is down (found by npm run chaos).
    const getMany = store.getMany.bind(store);
    store.getMany = () => Promise.reject(new Error('The client is offline'));
    await expect(verifier.verify(token)).rejects.toMatchObject({
      status: 503,
      reason: 'Token revocation cannot be checked right now; try again',
    });
    await expect(verifier.verify(await sign('b'))).rejects.toMatchObject({ status: 503 });
    store.getMany = getMany;
    await expect(verifier.verify(token)).resolves.toMatchObject({ jti: 'a' });
  });

  it('forgets a remembered token when it expires', async () => {
    // The verifier's clock, moved on by hand: the token expires without the test waiting for it.
    let clock = Date.now();
    const { sign, verifier } = await setup(() => clock);
    const expiresAt = Math.floor(clock / 1000) + 2;
    const token = await sign('c', expiresAt);
    await verifier.verify(token);
    clock = expiresAt * 1000 + 50;
    await expect(verifier.verify(token)).rejects.toMatchObject({ status: 401, reason: 'Token has expired' });
  });

  it('stays bounded, and keeps verifying tokens it had to forget', async () => {
    const { sign, verifier } = await setup();
    const tokens = await Promise.all(['d', 'e', 'f', 'g'].map((jti) => sign(jti)));
    for (const token of tokens) await verifier.verify(token);
    for (const token of tokens) await expect(verifier.verify(token)).resolves.toBeTruthy();
  });
});

describe('removed officers', () => {
  it('refuses tokens acting for the club they were removed from, issued up to the removal, and no others', async () => {
    const { sign, store, verifier } = await setup();
    const now = Math.floor(Date.now() / 1000);
    const forA = await sign('a', '30m', 'club-a', now - 10);
    const forB = await sign('b', '30m', 'club-b', now - 10);
    const noClub = await sign('c', '30m', null, now - 10);
    const regranted = await sign('d', '30m', 'club-a', now + 1);
    await expect(verifier.verify(forA)).resolves.toMatchObject({ club: 'club-a' });
    await store.set(denylistKeys.officer('u', 'club-a'), String(now), 60_000);
    await expect(verifier.verify(forA)).rejects.toThrow('Token has been revoked');
    await expect(verifier.verify(forB)).resolves.toMatchObject({ club: 'club-b' });
    await expect(verifier.verify(noClub)).resolves.toMatchObject({ club: null });
    await expect(verifier.verify(regranted)).resolves.toMatchObject({ jti: 'd' });
  });
});
