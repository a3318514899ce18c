import type { DbOrTx } from '@sproul/common/db';
import { sql } from 'drizzle-orm';

// Tag ids run 0..n-1 and deleting a tag renumbers one of them (tag-admin): writers that check tag
// ids and store them must not interleave with that. One advisory lock, two sides, held to commit.
const TAG_IDS = sql`hashtext('catalog:tags')`;

/** For tag changes: waits for every transaction holding tag ids, and keeps new ones waiting. */
export async function lockTagIdsExclusive(db: DbOrTx) {
  await db.execute(sql`select pg_advisory_xact_lock(${TAG_IDS})`);
}

/**
 * For writers of club or profile data that may hold tag ids: taken before any club row lock (the
 * order tag changes use too, so the two cannot deadlock), so no renumbering slips between a check
 * of the ids and their write.
 */
export async function holdTagIds(db: DbOrTx) {
  await db.execute(sql`select pg_advisory_xact_lock_shared(${TAG_IDS})`);
}
