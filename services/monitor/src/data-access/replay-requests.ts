import type { DbOrTx } from '@sproul/common/db';
import { sql } from 'drizzle-orm';
import { accounts, clubImages, clubs, replays, rsoEmails, tags } from './schema.js';

export const replayRequests = (db: DbOrTx) => ({
  /** Held until the transaction ends: one replica at a time decides whether this is a first start. */
  async lockFirstStart() {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext('monitor.first-start-replay'))`);
  },

  async any() {
    const [row] = await db.select({ id: replays.replayId }).from(replays).limit(1);
    return Boolean(row);
  },

  /** Empties the read models a replay restates, and records the replay. */
  async dropRestatable(replayId: string) {
    for (const table of [accounts, rsoEmails, clubs, clubImages, tags]) await db.delete(table);
    await db.insert(replays).values({ replayId });
  },
});
