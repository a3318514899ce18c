import { type DbOrTx, rowsOf } from '@sproul/common/db';
import { sql } from 'drizzle-orm';

/** Upstream's "active": an access token issued in the last 30 minutes (its lifetime). */
export const ACTIVE_WINDOW_MS = 30 * 60_000;

/**
 * Confirmed officers and students who signed in or refreshed a token in the 30 minutes up to `now`,
 * and the catalog searches counted in intervals ending in those 30 minutes.
 */
export async function activityCounts(db: DbOrTx, now: Date) {
  const at = now.toISOString();
  const since = new Date(now.getTime() - ACTIVE_WINDOW_MS).toISOString();
  const [active] = rowsOf<{ officers: number; students: number }>(
    await db.execute(sql`
      select
        count(*) filter (where a.role = 'officer')::int as officers,
        count(*) filter (where a.role = 'student')::int as students
      from monitor.activity s join monitor.accounts a on a.user_id = s.user_id
      where s.last_seen_at > ${since}::timestamptz and s.last_seen_at <= ${at}::timestamptz
        and a.confirmed_at is not null`),
  );
  const [searches] = rowsOf<{ n: number }>(
    await db.execute(sql`
      select coalesce(sum(count), 0)::int as n from monitor.catalog_searches
      where counted_to > ${since}::timestamptz and counted_to <= ${at}::timestamptz`),
  );
  return { officers: active?.officers ?? 0, students: active?.students ?? 0, searches: searches?.n ?? 0 };
}
