import { type DbOrTx, rowsOf } from '@sproul/common/db';
import { sql } from 'drizzle-orm';

export const PUBLIC_WEEKS = 10;

/** Visible clubs per tag, every tag listed (a tag no club uses counts 0). */
export async function clubsByTag(db: DbOrTx) {
  return rowsOf<{ id: number; name: string; clubs: number }>(
    await db.execute(sql`
      select t.id, t.name, count(c.club_id)::int as clubs
      from monitor.tags t left join monitor.clubs c on c.visible and t.id = any(c.tags)
      group by t.id, t.name order by t.id`),
  );
}

/** The catalog's rule (its `recruiting=now` filter): the application window for clubs that need one, else the recruiting window. */
export async function clubsRecruitingAt(db: DbOrTx, now: Date) {
  const at = now.toISOString();
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`
      select count(*)::int as n from monitor.clubs
      where visible and (case when app_required
        then apply_deadline_start <= ${at}::timestamptz and ${at}::timestamptz < apply_deadline_end
        else recruiting_start <= ${at}::timestamptz and ${at}::timestamptz < recruiting_end end)`),
  );
  return row?.n ?? 0;
}

/** Monday 00:00 of the campus week holding `now`, and of the following week. */
export async function campusWeek(db: DbOrTx, now: Date, zone: string) {
  const [row] = rowsOf<{ start: string | Date; end: string | Date }>(
    await db.execute(sql`
      select (date_trunc('week', ${now.toISOString()}::timestamptz at time zone ${zone})) at time zone ${zone} as start,
             (date_trunc('week', ${now.toISOString()}::timestamptz at time zone ${zone}) + interval '1 week') at time zone ${zone} as end`),
  );
  return { start: new Date(row?.start ?? now), end: new Date(row?.end ?? now) };
}

/** Events of visible clubs starting in [start, end). */
export async function eventsBetween(db: DbOrTx, start: Date, end: Date) {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`
      select count(*)::int as n from monitor.clubs c, unnest(c.event_starts) as s
      where c.visible and s >= ${start.toISOString()}::timestamptz and s < ${end.toISOString()}::timestamptz`),
  );
  return row?.n ?? 0;
}

/** Officer and student sign-ups per campus week (Monday, `YYYY-MM-DD`), the `PUBLIC_WEEKS` weeks up to `now`'s. */
export async function signUpsPerWeek(db: DbOrTx, now: Date, zone: string) {
  const at = now.toISOString();
  const rows = rowsOf<{ week: string; n: number }>(
    await db.execute(sql`
      select to_char(date_trunc('week', coalesce(registered_at, confirmed_at) at time zone ${zone}), 'YYYY-MM-DD') as week,
             count(*)::int as n
      from monitor.accounts
      where role in ('officer', 'student')
        and coalesce(registered_at, confirmed_at) >= (date_trunc('week', ${at}::timestamptz at time zone ${zone})
              - make_interval(weeks => ${PUBLIC_WEEKS - 1})) at time zone ${zone}
        and coalesce(registered_at, confirmed_at) <= ${at}::timestamptz
      group by 1`),
  );
  return new Map(rows.map((row) => [row.week, row.n]));
}
