import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import type { Role } from '../auth/claims.js';
import { serveJwks } from './serve-jwks.js';
import { signTestToken, TEST_KID } from './sign-test-token.js';
import type { TokenOptions } from './token-options.js';

export type { TokenOptions } from './token-options.js';

/**
 * Stands in for auth: serves a JWKS at `url` + `/.well-known/jwks.json` (point a service's AUTH_URL at
 * `url`) and signs access tokens as auth does, for every role; `expired` and `forged` (signed with a key
 * the JWKS does not hold) are refused.
 */
export async function tokenIssuer() {
  const signing = await generateKeyPair('ES256');
  const stranger = await generateKeyPair('ES256');
  const jwks = { keys: [{ ...(await exportJWK(signing.publicKey)), kid: TEST_KID, alg: 'ES256' }] };
  const { url, close } = await serveJwks(jwks);
  return {
    url,
    token: (role: Role, options: TokenOptions = {}) => signTestToken(role, options, signing.privateKey),
    expired: (role: Role, options: TokenOptions = {}) =>
      signTestToken(role, { ...options, expiresIn: Math.floor(Date.now() / 1000) - 60 }, signing.privateKey),
    forged: (role: Role, options: TokenOptions = {}) => signTestToken(role, options, stranger.privateKey),
    /** `payload` exactly as given (no claim added or checked), with the JWKS's key: for claim attacks. */
    signPayload: (payload: JWTPayload) =>
      new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: TEST_KID }).sign(signing.privateKey),
    close,
  };
}

export type TokenIssuer = Awaited<ReturnType<typeof tokenIssuer>>;
