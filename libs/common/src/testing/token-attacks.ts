import { createHmac } from 'node:crypto';
import { exportSPKI, generateKeyPair, importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';

/** A forged or altered token, named for the report of a table test. */
export type TokenAttack = [label: string, token: string];

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decoded = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()) as JWTPayload;

const hs256 = (header: string, payload: string, secret: string) =>
  `${header}.${payload}.${createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url')}`;

/**
 * Attacks an outsider can build from a valid access token and the issuer's published key alone (what
 * `/.well-known/jwks.json` gives anyone): no signature, algorithm confusion (HS256 keyed with the public
 * key, as its JWK and as its PEM), an edited payload, and a token signed by another key, under an
 * unknown `kid` and under the issuer's own.
 */
export async function keylessTokenAttacks(valid: string, publicJwk: JWK): Promise<TokenAttack[]> {
  const [header, payload, signature] = valid.split('.') as [string, string, string];
  const claims = decoded(payload);
  const kid = decoded(header).kid as string;
  const pem = await exportSPKI((await importJWK({ ...publicJwk, alg: 'ES256' }, 'ES256')) as CryptoKey);
  const stranger = await generateKeyPair('ES256');
  const signedByStranger = (headerKid: string) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: headerKid }).sign(stranger.privateKey);
  return [
    ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`],
    ['alg none, signature kept', `${b64({ alg: 'none', kid })}.${payload}.${signature}`],
    [
      'HS256 keyed with the public JWK',
      hs256(b64({ alg: 'HS256', kid }), payload, JSON.stringify(publicJwk)),
    ],
    ['HS256 keyed with the public PEM', hs256(b64({ alg: 'HS256', kid }), payload, pem)],
    ['tampered payload (role admin)', `${header}.${b64({ ...claims, role: 'admin' })}.${signature}`],
    ['unknown kid, another key', await signedByStranger('no-such-kid')],
    ["the issuer's kid, another key", await signedByStranger(kid)],
  ];
}

/**
 * Tokens signed with the issuer's own key (`sign` signs a payload as it is) whose claims alone are
 * wrong: a verifier that checked only the signature would take them.
 */
export async function signedClaimAttacks(
  valid: string,
  sign: (payload: JWTPayload) => Promise<string>,
): Promise<TokenAttack[]> {
  const claims = decoded(valid.split('.')[1]!);
  const now = Math.floor(Date.now() / 1000);
  const { exp: _exp, ...withoutExpiry } = claims;
  const cases: [string, JWTPayload][] = [
    ['expired', { ...claims, iat: now - 3600, exp: now - 60 }],
    ['not valid yet (nbf in an hour)', { ...claims, nbf: now + 3600 }],
    ['issued in an hour (iat in the future)', { ...claims, iat: now + 3600, exp: now + 5400 }],
    ['no expiry', withoutExpiry],
    ['wrong issuer', { ...claims, iss: 'https://evil.example' }],
    ['wrong audience', { ...claims, aud: 'someone-else' }],
    ['a refresh token', { ...claims, token_use: 'refresh' }],
  ];
  return Promise.all(
    cases.map(async ([label, payload]): Promise<TokenAttack> => [label, await sign(payload)]),
  );
}
