import type { DbOrTx } from '@sproul/common/db';
import { eq, sql } from 'drizzle-orm';
import { accounts, activity } from './schema.js';

/**
 * Writes of the accounts read model. Registration and confirmation arrive in any order and may be
 * restated by a snapshot: each keeps the earliest time it was told, so any order gives one row.
 */
export const accountWrites = (db: DbOrTx) => ({
  async registered(userId: string, role: string, at: Date) {
    await db
      .insert(accounts)
      .values({ userId, role, registeredAt: at })
      .onConflictDoUpdate({
        target: accounts.userId,
        set: { role, registeredAt: sql`least(${accounts.registeredAt}, excluded.registered_at)` },
      });
  },

  async confirmed(userId: string, role: string, at: Date) {
    await db
      .insert(accounts)
      .values({ userId, role, confirmedAt: at })
      .onConflictDoUpdate({
        target: accounts.userId,
        set: { role, confirmedAt: sql`least(${accounts.confirmedAt}, excluded.confirmed_at)` },
      });
  },

  /** A snapshot (replay) states the account whole. */
  async stated(userId: string, role: string, registeredAt: Date, confirmedAt: Date | null) {
    await db
      .insert(accounts)
      .values({ userId, role, registeredAt, confirmedAt })
      .onConflictDoUpdate({ target: accounts.userId, set: { role, registeredAt, confirmedAt } });
  },

  async deleted(userId: string) {
    await db.delete(accounts).where(eq(accounts.userId, userId));
    await db.delete(activity).where(eq(activity.userId, userId));
  },

  /** Each account's latest activity; a late or repeated event never moves it back. */
  async seen(latest: { userId: string; role: string; lastSeenAt: Date }[]) {
    if (latest.length === 0) return;
    await db
      .insert(activity)
      .values(latest)
      .onConflictDoUpdate({
        target: activity.userId,
        set: {
          role: sql`excluded.role`,
          lastSeenAt: sql`greatest(${activity.lastSeenAt}, excluded.last_seen_at)`,
        },
      });
  },
});
