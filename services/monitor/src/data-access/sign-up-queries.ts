import { type DbOrTx, rowsOf } from '@sproul/common/db';
import { sql } from 'drizzle-orm';

const WEEK_S = 7 * 24 * 3600;
export const HISTORY_WEEKS = 10;

export interface SignUpCounts {
  officers: number;
  officers_confirmed: number;
  officers_new: number;
  officers_confirmed_new: number;
  students: number;
  students_confirmed: number;
  students_new: number;
  students_confirmed_new: number;
  clubs_reactivated: number;
  clubs_reactivated_new: number;
  rso_list: number;
}

/** An account whose registration has not arrived yet (only its confirmation) counts from that time. */
const registeredAt = sql.raw('coalesce(registered_at, confirmed_at)');

/** The sign-up figures at `now`: totals, and what happened in the 7 days before it. */
export async function signUpCounts(db: DbOrTx, now: Date): Promise<SignUpCounts> {
  const at = now.toISOString();
  const weekAgo = new Date(now.getTime() - WEEK_S * 1000).toISOString();
  const [accounts] = rowsOf<Record<string, number>>(
    await db.execute(sql`
      select
        count(*) filter (where role = 'officer')::int as officers,
        count(*) filter (where role = 'officer' and confirmed_at is not null)::int as officers_confirmed,
        count(*) filter (where role = 'officer' and ${registeredAt} > ${weekAgo}::timestamptz)::int as officers_new,
        count(*) filter (where role = 'officer' and confirmed_at > ${weekAgo}::timestamptz)::int as officers_confirmed_new,
        count(*) filter (where role = 'student')::int as students,
        count(*) filter (where role = 'student' and confirmed_at is not null)::int as students_confirmed,
        count(*) filter (where role = 'student' and ${registeredAt} > ${weekAgo}::timestamptz)::int as students_new,
        count(*) filter (where role = 'student' and confirmed_at > ${weekAgo}::timestamptz)::int as students_confirmed_new
      from monitor.accounts
      where ${registeredAt} <= ${at}::timestamptz`),
  );
  const [clubs] = rowsOf<Record<string, number>>(
    await db.execute(sql`
      select
        count(*)::int as clubs_reactivated,
        count(*) filter (where reactivated_last > ${weekAgo}::timestamptz)::int as clubs_reactivated_new
      from monitor.clubs
      where confirmed and reactivated and registered_at <= ${at}::timestamptz`),
  );
  const [rso] = rowsOf<{ rso_list: number }>(
    await db.execute(sql`select count(*)::int as rso_list from monitor.rso_emails where listed`),
  );
  return { ...(accounts as object), ...(clubs as object), ...(rso as object) } as SignUpCounts;
}

/**
 * Weekly counts over the 10 weeks before `now`, oldest first: week d (0 = the last 7 days) holds the
 * times t with now - (d+1) weeks < t <= now - d weeks, as upstream's successive differences did.
 */
async function weekly(db: DbOrTx, now: Date, table: 'accounts' | 'clubs', time: string, where: string) {
  const at = now.toISOString();
  const rows = rowsOf<{ week: number; n: number }>(
    await db.execute(sql`
      select floor(extract(epoch from (${at}::timestamptz - t)) / ${WEEK_S})::int as week, count(*)::int as n
      from (select ${sql.raw(time)} as t from ${sql.raw(`monitor.${table}`)} where ${sql.raw(where)}) as times
      where t <= ${at}::timestamptz and t > ${at}::timestamptz - make_interval(weeks => ${HISTORY_WEEKS})
      group by 1`),
  );
  const counts = new Array<number>(HISTORY_WEEKS).fill(0);
  for (const row of rows) {
    if (row.week >= 0 && row.week < HISTORY_WEEKS) counts[HISTORY_WEEKS - 1 - row.week] = row.n;
  }
  return counts;
}

export async function signUpHistory(db: DbOrTx, now: Date) {
  return {
    clubs_registered: await weekly(
      db,
      now,
      'accounts',
      'coalesce(registered_at, confirmed_at)',
      "role = 'officer'",
    ),
    clubs_confirmed: await weekly(
      db,
      now,
      'accounts',
      'confirmed_at',
      "role = 'officer' and confirmed_at is not null",
    ),
    clubs_reactivated: await weekly(db, now, 'clubs', 'reactivated_last', 'confirmed and reactivated'),
  };
}
