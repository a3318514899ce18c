// Access-token verification cost: the libs/common verifier (key parsed once, cached key set) beside
// the same checks with the key re-imported on every call, interleaved in one run. `npm run bench:verify`.
import { AUDIENCE, createTokenVerifier, denylistKeys, ISSUER } from '@sproul/common/auth';
import { MemoryStore } from '@sproul/common/cache';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT } from 'jose';
import { fmt, median } from './stats.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const count = Number(process.env.BENCH_COUNT ?? 4_000);

const { publicKey, privateKey } = await generateKeyPair('ES256');
const publicJwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256' };
const token = await new SignJWT({
  role: 'officer',
  email: 'bench@berkeley.edu',
  confirmed: true,
  club: null,
  sid: 'session',
  token_use: 'access',
})
  .setProtectedHeader({ alg: 'ES256', kid: 'bench' })
  .setSubject('user')
  .setJti('jti')
  .setIssuer(ISSUER)
  .setAudience(AUDIENCE)
  .setIssuedAt()
  .setExpirationTime('30m')
  .sign(privateKey);

const store = new MemoryStore();
const cached = createTokenVerifier({ keys: createLocalJWKSet({ keys: [publicJwk] }), store });
// The naive version: parse the JWK into a key for every request, then the same claims and denylist checks.
async function reparsing(jwt: string) {
  const key = await importJWK(publicJwk, 'ES256');
  const { payload } = await jwtVerify(jwt, key, {
    algorithms: ['ES256'],
    issuer: ISSUER,
    audience: AUDIENCE,
  });
  await store.getMany([denylistKeys.token(String(payload.jti)), denylistKeys.session(String(payload.sid))]);
  return payload;
}

async function microsPerCall(verify: (jwt: string) => Promise<unknown>) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await verify(token);
  return Number(process.hrtime.bigint() - started) / 1000 / count;
}

const results = { cached: [] as number[], reparsing: [] as number[] };
await microsPerCall(cached.verify);
await microsPerCall(reparsing);
for (let round = 1; round <= rounds; round++) {
  results.cached.push(await microsPerCall(cached.verify));
  results.reparsing.push(await microsPerCall(reparsing));
  console.log(
    `round ${round}: cached ${fmt(results.cached.at(-1)!, 1)} µs, re-parsing ${fmt(results.reparsing.at(-1)!, 1)} µs`,
  );
}
const a = median(results.cached);
const b = median(results.reparsing);
console.log(
  `verify: cached=${fmt(a, 1)}µs reparse=${fmt(b, 1)}µs reparse/cached=${fmt(b / a, 2)}x (median of ${rounds}, ${count} calls each)`,
);
await store.close();
