import type { Tx } from '@sproul/common/db';
import { eq } from 'drizzle-orm';
import { studentProfiles } from './schema.js';

/**
 * Locks a student's profile row for the rest of the transaction: two requests of one student that
 * rewrite the favourites or the board (positions read, then written) apply one after the other.
 */
export async function lockStudentProfile(tx: Tx, userId: string) {
  await tx
    .select({ userId: studentProfiles.userId })
    .from(studentProfiles)
    .where(eq(studentProfiles.userId, userId))
    .for('update');
}
