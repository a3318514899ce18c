import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AUDIENCE, denylistKeys, ISSUER } from '../src/auth/claims.js';
import { createTokenVerifier } from '../src/auth/token-verifier.js';
import { MemoryStore } from '../src/cache/memory-store.js';

async function setup(now?: () => number) {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k', alg: 'ES256' };
  const sign = (jti: string, expiresIn: number | string = '30m') =>
    new SignJWT({
      role: 'officer',
      email: 'o@berkeley.edu',
      confirmed: true,
      club: null,
      sid: `s-${jti}`,
      token_use: 'access',
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'k' })
      .setSubject('u')
      .setJti(jti)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
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
