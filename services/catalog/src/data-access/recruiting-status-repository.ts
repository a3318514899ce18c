import { type DbOrTx, rowsOf } from '@sproul/common/db';
import { sql } from 'drizzle-orm';
import type { Club } from './club-repository.js';
import { clubs } from './schema.js';
import { holdTagIds } from './tag-id-lock.js';

/**
 * Upstream's rule (§4.5): a club that requires an application recruits between its apply deadlines,
 * one that does not between its recruiting dates; without both dates of its kind, the officer's own
 * `new_members` stands. Instants compare as instants: the columns are timestamps with time zone.
 */
const recruitingAt = (now: Date) => {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`case
    when ${clubs.appRequired} then
      case when ${clubs.applyDeadlineStart} is not null and ${clubs.applyDeadlineEnd} is not null
        then ${clubs.applyDeadlineStart} < ${at} and ${at} < ${clubs.applyDeadlineEnd}
        else ${clubs.newMembers} end
    else
      case when ${clubs.recruitingStart} is not null and ${clubs.recruitingEnd} is not null
        then ${clubs.recruitingStart} < ${at} and ${at} < ${clubs.recruitingEnd}
        else ${clubs.newMembers} end
    end`;
};

export const recruitingStatusRepository = (db: DbOrTx) => ({
  /**
   * One replica per tick: the lock is held until the transaction ends, and a replica that does not
   * get it skips the tick instead of waiting (PGlite, a single connection, always gets it).
   */
  async tryLock(): Promise<boolean> {
    const [row] = rowsOf<{ locked: boolean }>(
      await db.execute(
        sql`select pg_try_advisory_xact_lock(hashtext('catalog:recruiting-status')) as locked`,
      ),
    );
    return row?.locked === true;
  },

  /**
   * Waits out a tag change in progress (they take the same lock exclusively): both rewrite many club
   * rows, and two such updates running at once could deadlock, failing the admin's request.
   */
  async waitForTagChanges() {
    await holdTagIds(db);
  },

  /** Sets `new_members` from the deadlines as of `now`; answers the clubs whose status changed. */
  async applyDeadlines(now: Date): Promise<Club[]> {
    const status = recruitingAt(now);
    return db
      .update(clubs)
      .set({ newMembers: status })
      .where(sql`${status} is distinct from ${clubs.newMembers}`)
      .returning();
  },
});
