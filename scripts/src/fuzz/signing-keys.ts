import { createDecipheriv, createHash } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { decodeJwt, importJWK, type JWK, SignJWT } from 'jose';

/**
 * Auth's private signing keys, opened as auth opens them (AES-256-GCM under the key-encryption secret):
 * the fuzzer looks for their private parts in every answer and log line, and signs an expired token
 * with the real key, so that the gateway refuses it for its age and not for a foreign signature.
 */
export async function signingKeysOf(client: PGlite, secret: string) {
  const key = createHash('sha256').update(secret).digest();
  const rows = await client.query<{ kid: string; private_jwk: string; retired_at: Date | null }>(
    'select kid, private_jwk, retired_at from auth.signing_keys order by created_at desc',
  );
  const keys = rows.rows.map((row) => {
    const raw = Buffer.from(row.private_jwk.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const jwk = JSON.parse(
      Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'),
    ) as JWK;
    return { kid: row.kid, jwk, sealed: row.private_jwk, active: row.retired_at === null };
  });
  return {
    /** What must never be read anywhere: each key's private scalar, and its sealed form. */
    secrets: keys.flatMap((entry) => [entry.jwk.d!, entry.sealed.slice(3, 40)]),
    /** `token` again, signed with the active key, expired a minute ago. */
    async expired(token: string) {
      const active = keys.find((entry) => entry.active) ?? keys[0]!;
      const claims = decodeJwt(token);
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ ...claims, iat: now - 3_600, exp: now - 60 })
        .setProtectedHeader({ alg: 'ES256', kid: active.kid })
        .sign(await importJWK(active.jwk, 'ES256'));
    },
  };
}
