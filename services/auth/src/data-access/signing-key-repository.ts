import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Db } from '@sproul/common/db';
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { JWK } from 'jose';
import type { SigningKey } from '../domain/key-ring.js';
import { signingKeys } from './schema.js';

/**
 * Signing keys in the auth database. Private keys are sealed with AES-256-GCM when a secret is
 * configured (`v1:` prefix); without one (embedded mode) they are stored as plain JWK JSON.
 */
export function signingKeyRepository(db: Db, secret?: string) {
  const key = secret ? createHash('sha256').update(secret).digest() : undefined;

  const seal = (jwk: JWK) => {
    const text = JSON.stringify(jwk);
    if (!key) return text;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  };

  const open = (stored: string): JWK => {
    if (!stored.startsWith('v1:')) return JSON.parse(stored);
    if (!key) throw new Error('A signing key is encrypted but KEY_ENCRYPTION_SECRET is not set');
    const raw = Buffer.from(stored.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
  };

  return {
    /** The active key and those retired after `retiredAfter` (their tokens may still be alive). */
    async loadUsable(retiredAfter: Date): Promise<SigningKey[]> {
      const rows = await db
        .select()
        .from(signingKeys)
        .where(or(isNull(signingKeys.retiredAt), gt(signingKeys.retiredAt, retiredAfter)));
      return rows.map((row) => ({
        kid: row.kid,
        publicJwk: row.publicJwk as JWK,
        privateJwk: open(row.privateJwk),
        createdAt: row.createdAt,
        retiredAt: row.retiredAt,
      }));
    },

    /** Retires the active key (if any) and makes `next` active, atomically. False if another replica won. */
    async rotate(next: SigningKey, previousKid: string | undefined): Promise<boolean> {
      try {
        await db.transaction(async (tx) => {
          if (previousKid) {
            await tx
              .update(signingKeys)
              .set({ retiredAt: next.createdAt })
              .where(and(eq(signingKeys.kid, previousKid), isNull(signingKeys.retiredAt)));
          }
          await tx.insert(signingKeys).values({
            kid: next.kid,
            publicJwk: next.publicJwk as Record<string, unknown>,
            privateJwk: seal(next.privateJwk),
            createdAt: next.createdAt,
          });
        });
        return true;
      } catch (error) {
        // The one-active-key index refused a second active key: another replica rotated first.
        if ((error as { code?: string; cause?: { code?: string } }).code === '23505') return false;
        if ((error as { cause?: { code?: string } }).cause?.code === '23505') return false;
        throw error;
      }
    },
  };
}

export type SigningKeyRepository = ReturnType<typeof signingKeyRepository>;
