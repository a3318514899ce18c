import { hash, verify } from '@node-rs/argon2';

// OWASP's recommended argon2id settings: 19 MiB of memory, 2 iterations, 1 lane. (`algorithm: 2` is
// Algorithm.Argon2id, a const enum that isolated modules cannot import.)
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// Verified against when an account does not exist, so that answering takes as long either way.
const DUMMY_HASH = await hash('no such account, no such password', OPTIONS);

export const hashPassword = (password: string) => hash(password, OPTIONS);

/** False for a missing hash too, after the same amount of work as a real check. */
export async function checkPassword(
  storedHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  try {
    const ok = await verify(storedHash ?? DUMMY_HASH, password);
    return ok && Boolean(storedHash);
  } catch {
    return false;
  }
}
