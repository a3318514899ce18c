import type { DbOrTx } from '@sproul/common/db';
import { sql } from 'drizzle-orm';

/**
 * The PostgreSQL channel every catalog replica listens on to drop its cached answers (read-cache/).
 * Triggers on the tables public answers are made of notify it; PostgreSQL delivers a notification only
 * when its transaction commits, so no replica can refill its cache from data about to change.
 */
export const CATALOG_CHANGED_CHANNEL = 'catalog_changed';

/**
 * Tells every replica that public answers changed for a reason no catalog table records (the
 * recommender's similar clubs, say). Within a transaction, it is delivered when that commits.
 */
export async function noteCatalogChange(db: DbOrTx, reason: string) {
  await db.execute(sql`select pg_notify(${CATALOG_CHANGED_CHANNEL}, ${reason})`);
}
