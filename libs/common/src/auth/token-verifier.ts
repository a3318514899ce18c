import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { KeyValueStore } from '../cache/key-value-store.js';
import { denylistUnavailable, invalidToken, keysUnavailable } from './auth-errors.js';
import { type AccessClaims, AUDIENCE, accessClaimsSchema, denylistKeys, ISSUER } from './claims.js';

/** How far ahead of this machine's clock the issuer's may be. */
const CLOCK_SKEW_MS = 60_000;

export interface TokenVerifierOptions {
  /** Where auth publishes its public keys, e.g. http://auth:8080/.well-known/jwks.json. */
  jwksUrl?: string;
  /** Or a key resolver given directly (auth itself, tests). */
  keys?: JWTVerifyGetKey;
  store: KeyValueStore;
  /** Verified tokens remembered (until they expire) to skip the signature check; 0 turns it off. */
  cacheSize?: number;
  /** The clock expiry is judged by (ms since the epoch); tests pass their own to move time on. */
  now?: () => number;
}

interface Verified {
  claims: AccessClaims;
  /** The revoked-token, ended-session and (for a club's officer) removed-officer keys, checked on every request. */
  denylistKeys: readonly string[];
}

/**
 * Verifies access tokens: ES256 only (so `alg: none`, HS256 signed with the public key, and other
 * algorithm confusions fail), issuer and audience, expiry, `token_use: access` (a refresh token is not
 * an access token), then the shared denylist (a revoked token, a token of an ended session, or a token acting for a club
 * its bearer was removed from since it was issued).
 * Keys come from auth's JWKS, fetched once and cached; an unknown `kid` triggers one refetch (rotation).
 */
export function createTokenVerifier(options: TokenVerifierOptions) {
  const keys =
    options.keys ??
    createRemoteJWKSet(new URL(options.jwksUrl ?? 'http://127.0.0.1:8081/.well-known/jwks.json'), {
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
      timeoutDuration: 2_000,
    });

  // Clients repeat the same token for up to 30 minutes: an ES256 check per request is wasted work.
  // Only successful verifications are kept, only until the token's own expiry, and revocation is
  // still checked on every request below.
  const cacheSize = options.cacheSize ?? 10_000;
  const now = options.now ?? Date.now;
  // Each with the denylist keys it is checked against, worked out once per token.
  const verified = new Map<string, Verified>();

  async function verify(token: string): Promise<AccessClaims> {
    let entry = verified.get(token);
    if (entry && entry.claims.exp * 1000 <= now()) {
      verified.delete(token);
      entry = undefined;
    }
    entry ??= await verifySignature(token);
    const [revokedToken, endedSession, removedOfficer] = await denylisted(entry.denylistKeys);
    if (revokedToken || endedSession) throw invalidToken('Token has been revoked');
    if (removedOfficer && entry.claims.iat <= Number(removedOfficer))
      throw invalidToken('Token has been revoked');
    return entry.claims;
  }

  // A store that cannot answer (Redis down: "The client is offline") leaves revocation unknown: the
  // request is refused as "not now" (503), never let through, and never a 500 that reads as a bug.
  async function denylisted(keys: readonly string[]) {
    try {
      return await options.store.getMany(keys);
    } catch {
      throw denylistUnavailable();
    }
  }

  async function verifySignature(token: string): Promise<Verified> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ['ES256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(now()),
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw invalidToken('Token has expired');
      if (error instanceof errors.JWKSTimeout) {
        throw keysUnavailable();
      }
      throw invalidToken('Invalid token');
    }
    // jose refuses a future `nbf` but takes a future `iat`: auth never dates a token ahead (replicas share
    // the clock within seconds), and the removed-officer check compares `iat` with the removal time, so
    // a token dated ahead would outlive its officer's removal.
    const issuedAt = (payload as { iat?: unknown }).iat;
    if (typeof issuedAt === 'number' && issuedAt * 1000 > now() + CLOCK_SKEW_MS) {
      throw invalidToken('Invalid token');
    }
    const claims = accessClaimsSchema.safeParse(payload);
    if (!claims.success) {
      const use = (payload as { token_use?: unknown }).token_use;
      throw invalidToken(use === 'refresh' ? 'Only access tokens are allowed' : 'Invalid token');
    }
    const entry: Verified = {
      claims: claims.data,
      denylistKeys: [
        denylistKeys.token(claims.data.jti),
        denylistKeys.session(claims.data.sid),
        ...(claims.data.club ? [denylistKeys.officer(claims.data.sub, claims.data.club)] : []),
      ],
    };
    if (cacheSize > 0) {
      // Bounded: drop the oldest entry (Map keeps insertion order) when full.
      if (verified.size >= cacheSize) verified.delete(verified.keys().next().value!);
      verified.set(token, entry);
    }
    return entry;
  }

  return { verify };
}

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;
