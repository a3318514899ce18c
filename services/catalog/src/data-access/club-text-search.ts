import type { DbOrTx } from '@sproul/common/db';
import { type AnyColumn, and, asc, count, desc, eq, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { type ClubListEntry, type ClubQuery, filterConditions, listColumns } from './club-query.js';
import { clubSearch, clubs } from './schema.js';

/**
 * A text search, run on `club_search` (narrow rows: see the schema) in one statement: every match is
 * ranked and counted (a window over the narrow rows, which spares a second pass for the count), the
 * page is cut, and only its rows are joined to `clubs` for what a list entry shows.
 */
export async function textSearch(db: DbOrTx, query: ClubQuery, tsquery: SQL) {
  const where = and(
    sql`${clubSearch.visible}`,
    sql`${clubSearch.searchVector} @@ ${tsquery}`,
    ...filterConditions(clubSearch, query),
  );
  const matches = db
    .select({
      clubId: clubSearch.clubId,
      nameKey: clubSearch.nameKey,
      lastUpdated: clubSearch.lastUpdated,
      rank: sql<number>`ts_rank(${clubSearch.searchVector}, ${tsquery})`.as('rank'),
    })
    .from(clubSearch)
    .where(where)
    .as('matches');
  // Every order ends on the id, so pages never overlap or skip a club when ranks, names or times tie.
  const order = (t: Record<'clubId' | 'nameKey' | 'lastUpdated' | 'rank', AnyColumn | SQLWrapper>) => {
    if (query.sort === 'last_updated') return [desc(t.lastUpdated), desc(t.clubId)];
    if (query.sort === 'relevance') return [desc(t.rank), asc(t.nameKey), asc(t.clubId)];
    return [asc(t.nameKey), asc(t.clubId)];
  };
  const page = db
    .select({
      clubId: matches.clubId,
      nameKey: matches.nameKey,
      lastUpdated: matches.lastUpdated,
      rank: matches.rank,
      total: sql<number>`count(*) over ()`.as('total'),
    })
    .from(matches)
    .orderBy(...order(matches))
    .limit(query.limit)
    .offset(query.skip)
    .as('page');
  const rows = await db
    .select({ ...listColumns, total: page.total })
    .from(page)
    .innerJoin(clubs, eq(clubs.id, page.clubId))
    .orderBy(...order(page));
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && query.skip > 0) {
    // A page past the last match still tells how many there are.
    total = (await db.select({ n: count() }).from(clubSearch).where(where))[0]?.n ?? 0;
  }
  return { results: rows.map(({ total: _, ...entry }) => entry) as ClubListEntry[], total };
}

/**
 * The search as one tsquery, worked out by PostgreSQL (whose dictionaries know stems and stop words):
 * each word as its stem ("robots" → robot, which finds "Robotics" too) or as the prefix of a word as
 * written ("sailin" → sailin:*, a prefix of "sailing" though not of its stem "sail"), all words
 * required. A half-typed word is never stemmed as a prefix: "ins" stems to "in", and in:* would match
 * every "interest" and "include" (thousands of clubs to rank, for nothing). Stop words are dropped
 * ("the chess club" needs no "the"), except the last word, which may be half-typed ("the" of
 * "theatre"), so the query is never empty. A sub-select: evaluated once per statement, and matched
 * through the GIN index rather than row by row.
 */
export function textQuery(terms: string[]): SQL {
  const parts = terms.map((term, index) => {
    const prefix = `${term}:*`;
    const whenStopWord = index === terms.length - 1 ? sql`to_tsquery('simple', ${prefix})` : sql`''::tsquery`;
    return sql`(case when numnode(to_tsquery('english', ${term})) = 0 then ${whenStopWord}
      else to_tsquery('english', ${term}) || to_tsquery('simple', ${prefix}) end)`;
  });
  return sql`(select ${sql.join(parts, sql` && `)})`;
}
