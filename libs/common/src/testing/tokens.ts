import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { AUDIENCE, ISSUER, type Role } from '../auth/claims.js';

export interface TokenOptions {
  sub?: string;
  email?: string;
  /** jose's duration (`30m`) or an epoch second. Default 30 minutes. */
  expiresIn?: string | number;
  confirmed?: boolean;
  club?: string | null;
  /** Claims set over the usual ones: a chosen `jti` or `sid`, a refresh token's `token_use`. */
  claims?: Record<string, unknown>;
}

const KID = 'test-issuer';

/**
 * Stands in for auth: serves a JWKS at `url` + `/.well-known/jwks.json` (point a service's AUTH_URL at
 * `url`) and signs access tokens as auth does, for every role; `expired` and `forged` (signed with a key
 * the JWKS does not hold) are refused.
 */
export async function tokenIssuer() {
  const signing = await generateKeyPair('ES256');
  const stranger = await generateKeyPair('ES256');
  const jwks = { keys: [{ ...(await exportJWK(signing.publicKey)), kid: KID, alg: 'ES256' }] };
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const sign = (role: Role, options: TokenOptions, key: CryptoKey) =>
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
      .setProtectedHeader({ alg: 'ES256', kid: KID })
      .setSubject(options.sub ?? crypto.randomUUID())
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(options.expiresIn ?? '30m')
      .sign(key);

  return {
    url,
    token: (role: Role, options: TokenOptions = {}) => sign(role, options, signing.privateKey),
    expired: (role: Role, options: TokenOptions = {}) =>
      sign(role, { ...options, expiresIn: Math.floor(Date.now() / 1000) - 60 }, signing.privateKey),
    forged: (role: Role, options: TokenOptions = {}) => sign(role, options, stranger.privateKey),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type TokenIssuer = Awaited<ReturnType<typeof tokenIssuer>>;
