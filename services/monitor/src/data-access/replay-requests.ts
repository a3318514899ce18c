import type { DbOrTx } from '@sproul/common/db';
import { accounts, clubs, replays, rsoEmails, tags } from './schema.js';

export const replayRequests = (db: DbOrTx) => ({
  async any() {
    const [row] = await db.select({ id: replays.replayId }).from(replays).limit(1);
    return Boolean(row);
  },

  /** Empties the read models a replay restates, and records the replay. */
  async dropRestatable(replayId: string) {
    for (const table of [accounts, rsoEmails, clubs, tags]) await db.delete(table);
    await db.insert(replays).values({ replayId });
  },
});
