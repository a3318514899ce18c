import { type DbOrTx, rowsOf } from '@sproul/common/db';
import { socialLinkNames } from '@sproul/common/events';
import { sql } from 'drizzle-orm';

/** Upstream's "more stats" are over confirmed officers' clubs (a hidden one included). */
const confirmedClubs = sql.raw('monitor.clubs where confirmed');

/** How many confirmed clubs have each social link set (a link counts only when set). */
export async function socialLinkCounts(db: DbOrTx) {
  const rows = rowsOf<{ link: string; n: number }>(
    await db.execute(
      sql`select link, count(*)::int as n from monitor.clubs c, unnest(c.social_links) as link where c.confirmed group by link`,
    ),
  );
  const counts = Object.fromEntries(socialLinkNames.map((name) => [name, 0])) as Record<string, number>;
  for (const row of rows) if (row.link in counts) counts[row.link] = row.n;
  return counts;
}

/** Confirmed clubs by two flags: each alone (upstream's keys) and every combination (the dashboard's heat map). */
async function byTwoFlags(db: DbOrTx, first: [string, string], second: [string, string]) {
  const [a, b] = [sql.raw(first[0]), sql.raw(second[0])];
  const [row] = rowsOf<Record<string, number>>(
    await db.execute(sql`
      select
        count(*) filter (where ${a})::int as a,
        count(*) filter (where not ${a})::int as not_a,
        count(*) filter (where ${b})::int as b,
        count(*) filter (where not ${b})::int as not_b,
        count(*) filter (where ${a} and ${b})::int as a_b,
        count(*) filter (where ${a} and not ${b})::int as a_not_b,
        count(*) filter (where not ${a} and ${b})::int as not_a_b,
        count(*) filter (where not ${a} and not ${b})::int as not_a_not_b
      from ${confirmedClubs}`),
  );
  const n = (key: string) => row?.[key] ?? 0;
  const [x, y] = [first[1], second[1]];
  return {
    [x]: n('a'),
    [`no_${x}`]: n('not_a'),
    [y]: n('b'),
    [`no_${y}`]: n('not_b'),
    [`${x}_and_${y}`]: n('a_b'),
    [`${x}_and_no_${y}`]: n('a_not_b'),
    [`no_${x}_and_${y}`]: n('not_a_b'),
    [`no_${x}_and_no_${y}`]: n('not_a_not_b'),
  };
}

export const clubRequirementCounts = (db: DbOrTx) =>
  byTwoFlags(db, ['app_required', 'app_required'], ['new_members', 'new_members']);

export const pictureCounts = (db: DbOrTx) =>
  byTwoFlags(db, ['has_logo', 'logo_pic'], ['has_banner', 'banner_pic']);
