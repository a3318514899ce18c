import { SignJWT } from 'jose';
import { AUDIENCE, ISSUER, type Role } from '../auth/claims.js';
import type { TokenOptions } from './token-options.js';

export const TEST_KID = 'test-issuer';

/** An access token with the claims and header auth gives it, signed with `key`. */
export const signTestToken = (role: Role, options: TokenOptions, key: CryptoKey) =>
  new SignJWT({
    role,
    email: options.email ?? `${role}@berkeley.edu`,
    confirmed: options.confirmed ?? true,
    club: options.club ?? null,
    sid: crypto.randomUUID(),
    token_use: 'access',
    jti: crypto.randomUUID(),
    ...options.claims,
  })
    .setProtectedHeader({ alg: 'ES256', kid: TEST_KID })
    .setSubject(options.sub ?? crypto.randomUUID())
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
    .setExpirationTime(options.expiresIn ?? '30m')
    .sign(key);
