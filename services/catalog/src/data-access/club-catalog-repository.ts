import type { DbOrTx } from '@sproul/common/db';
import {
  type AnyColumn,
  and,
  arrayContains,
  arrayOverlaps,
  asc,
  count,
  desc,
  eq,
  inArray,
  ne,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
import { type Club, visibleClub } from './club-repository.js';
import { clubSearch, clubs } from './schema.js';

/** What a catalog list entry shows (upstream's projection). */
const listColumns = {
  id: clubs.id,
  name: clubs.name,
  linkName: clubs.linkName,
  aboutUs: clubs.aboutUs,
  tags: clubs.tags,
  appRequired: clubs.appRequired,
  newMembers: clubs.newMembers,
  numUsers: clubs.numUsers,
  logoUrl: clubs.logoUrl,
  bannerUrl: clubs.bannerUrl,
  lastUpdated: clubs.lastUpdated,
  applyDeadlineEnd: clubs.applyDeadlineEnd,
  recruitingEnd: clubs.recruitingEnd,
};

export type ClubListEntry = Pick<Club, keyof typeof listColumns>;

export interface ClubQuery {
  /** The words typed (letters and digits only), each matched as a prefix, all required. */
  terms?: string[];
  tags?: number[];
  tagsMatch: 'any' | 'all';
  appRequired?: boolean;
  newMembers?: boolean;
  numUsers?: number[];
  recruitingAt?: Date;
  sort: 'relevance' | 'name' | 'last_updated';
  limit: number;
  skip: number;
}

const byName = [asc(sql`lower(${clubs.name})`), asc(clubs.id)];

/** The columns a query's filters read: `clubs` and `club_search` both have them, under the same names. */
type FilterColumns = Record<
  | 'tags'
  | 'appRequired'
  | 'newMembers'
  | 'numUsers'
  | 'applyDeadlineStart'
  | 'applyDeadlineEnd'
  | 'recruitingStart'
  | 'recruitingEnd',
  AnyColumn
>;

function filterConditions(t: FilterColumns, query: ClubQuery): SQL[] {
  const conditions: SQL[] = [];
  if (query.tags?.length) {
    conditions.push(
      query.tagsMatch === 'all' ? arrayContains(t.tags, query.tags) : arrayOverlaps(t.tags, query.tags),
    );
  }
  if (query.appRequired !== undefined) conditions.push(eq(t.appRequired, query.appRequired));
  if (query.newMembers !== undefined) conditions.push(eq(t.newMembers, query.newMembers));
  if (query.numUsers?.length) conditions.push(inArray(t.numUsers, query.numUsers));
  if (query.recruitingAt) {
    // The recruiting scheduler's rule: an application window for clubs that require one, else a
    // recruiting window, open at this instant.
    const at = query.recruitingAt.toISOString();
    conditions.push(sql`(case when ${t.appRequired}
        then ${t.applyDeadlineStart} <= ${at} and ${at} < ${t.applyDeadlineEnd}
        else ${t.recruitingStart} <= ${at} and ${at} < ${t.recruitingEnd} end)`);
  }
  return conditions;
}

/** The public catalog: visible clubs, filtered, searched, ordered and paged by the database's indexes. */
export const clubCatalogRepository = (db: DbOrTx) => ({
  async search(query: ClubQuery): Promise<{ results: ClubListEntry[]; total: number }> {
    if (query.terms?.length) return textSearch(db, query, textQuery(query.terms));
    // Without text, the page is read from an index and the count from another, in one statement (the
    // count is a sub-select the database works out once): one round trip and one plan, not two.
    const where = and(visibleClub, ...filterConditions(clubs, query));
    const counted = db.select({ n: count() }).from(clubs).where(where);
    // Every order ends on the id, so pages never overlap or skip a club when names or times tie.
    const order = query.sort === 'last_updated' ? [desc(clubs.lastUpdated), desc(clubs.id)] : byName;
    const rows = await db
      .select({ ...listColumns, total: sql<number>`(${counted})` })
      .from(clubs)
      .where(where)
      .orderBy(...order)
      .limit(query.limit)
      .offset(query.skip);
    // A page past the last club still tells how many there are.
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && query.skip > 0) total = (await counted)[0]?.n ?? 0;
    return { results: rows.map(({ total: _, ...entry }) => entry) as ClubListEntry[], total };
  },

  /**
   * Visible clubs most like `club` by shared tags (more shared first), then the most recently updated:
   * the club page's similar clubs when the recommender cannot answer.
   */
  async sharingTags(club: { id: string; tags: number[] }, limit: number): Promise<ClubListEntry[]> {
    const others = and(visibleClub, ne(clubs.id, club.id));
    const newestFirst = [desc(clubs.lastUpdated), asc(clubs.id)];
    const pick = (where: SQL | undefined, order: SQL[], count: number) =>
      db
        .select(listColumns)
        .from(clubs)
        .where(where)
        .orderBy(...order)
        .limit(count) as Promise<ClubListEntry[]>;
    const found: ClubListEntry[] = [];
    const add = (rows: ClubListEntry[]) => {
      const seen = new Set(found.map((entry) => entry.id));
      found.push(...rows.filter((entry) => !seen.has(entry.id)));
    };
    if (club.tags.length > 0) {
      // Sharing every tag is the most a club can share: a GIN lookup that usually fills the list alone.
      add(await pick(and(others, arrayContains(clubs.tags, club.tags)), newestFirst, limit));
      if (found.length < limit) {
        const shared = sql`cardinality(array(select unnest(${clubs.tags}) intersect select unnest(${sql.param(club.tags)}::integer[])))`;
        add(
          await pick(
            and(others, arrayOverlaps(clubs.tags, club.tags)),
            [desc(shared), ...newestFirst],
            limit * 2,
          ),
        );
      }
    }
    if (found.length < limit) add(await pick(others, newestFirst, limit * 2));
    return found.slice(0, limit);
  },

  /** Visible clubs by link name, in the order given (the recommender's similarity order). */
  async visibleByLinkNames(linkNames: string[]): Promise<ClubListEntry[]> {
    if (linkNames.length === 0) return [];
    const rows = (await db
      .select(listColumns)
      .from(clubs)
      .where(and(visibleClub, inArray(clubs.linkName, linkNames)))) as ClubListEntry[];
    const position = new Map(linkNames.map((name, index) => [name, index]));
    return rows.sort((a, b) => (position.get(a.linkName) ?? 0) - (position.get(b.linkName) ?? 0));
  },
});

/**
 * A text search, run on `club_search` (narrow rows: see the schema) in one statement: every match is
 * ranked and counted (a window over the narrow rows, which spares a second pass for the count), the
 * page is cut, and only its rows are joined to `clubs` for what a list entry shows.
 */
async function textSearch(db: DbOrTx, query: ClubQuery, tsquery: SQL) {
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
function textQuery(terms: string[]): SQL {
  const parts = terms.map((term, index) => {
    const prefix = `${term}:*`;
    const whenStopWord = index === terms.length - 1 ? sql`to_tsquery('simple', ${prefix})` : sql`''::tsquery`;
    return sql`(case when numnode(to_tsquery('english', ${term})) = 0 then ${whenStopWord}
      else to_tsquery('english', ${term}) || to_tsquery('simple', ${prefix}) end)`;
  });
  return sql`(select ${sql.join(parts, sql` && `)})`;
}
